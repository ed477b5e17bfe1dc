# A FROM-scratch image that holds only gonsenter and its multi-call names
# (nsenter, tcpdump, pause), for the DaemonSet in deploy/kubernetes/.
#
#   docker build -t REGISTRY/gonsenter:TAG --build-arg VERSION=$(git describe --tags --always) .
#
# The binary is static (CGO_ENABLED=0): nothing else is needed at run time.
FROM golang:1.26-bookworm AS build
ARG VERSION=dev
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath \
        -ldflags "-s -w -X github.com/gonsenter/gonsenter/internal/version.Version=${VERSION}" \
        -o /out/usr/local/bin/gonsenter ./cmd/gonsenter \
    && ln -s gonsenter /out/usr/local/bin/nsenter \
    && ln -s gonsenter /out/usr/local/bin/tcpdump \
    && ln -s gonsenter /out/usr/local/bin/pause

FROM scratch
COPY --from=build /out/ /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# Idles until SIGTERM; users `kubectl exec` gonsenter next to it.
CMD ["pause"]
