/*
 * oracle.c: test-only helper that asks the installed libpcap (no headers
 * needed) to run and print classic BPF programs, so that golden files can
 * be recorded from the real bpf_filter() and bpf_image(). Built and run
 * only by `go test ./bpf/interp -update` (and ./bpf -update for print).
 *
 * stdin, one command per line:
 *   P n            then n lines "code jt jf k": the current program
 *   I              print bpf_image() of every instruction of the program
 *   R wirelen hex  print bpf_filter() of the program on the packet bytes
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bpf_insn {
	unsigned short code;
	unsigned char jt, jf;
	unsigned int k;
};

extern unsigned int bpf_filter(const struct bpf_insn *, const unsigned char *,
    unsigned int, unsigned int);
extern char *bpf_image(const struct bpf_insn *, int);

static struct bpf_insn prog[4096];
static int nprog;
static unsigned char pkt[1 << 17];
static char line[1 << 18];

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	return (c | 0x20) - 'a' + 10;
}

int main(void)
{
	while (fgets(line, sizeof line, stdin) != NULL) {
		if (line[0] == 'P') {
			nprog = atoi(line + 2);
			for (int i = 0; i < nprog; i++) {
				unsigned code, jt, jf, k;
				if (scanf("%u %u %u %u\n", &code, &jt, &jf, &k) != 4)
					return 2;
				prog[i].code = code;
				prog[i].jt = jt;
				prog[i].jf = jf;
				prog[i].k = k;
			}
		} else if (line[0] == 'I') {
			for (int i = 0; i < nprog; i++)
				printf("%s\n", bpf_image(&prog[i], i));
		} else if (line[0] == 'R') {
			char *p = line + 2;
			unsigned wirelen = strtoul(p, &p, 10);
			unsigned n = 0;
			while (*p == ' ')
				p++;
			while (p[0] && p[1] && p[0] != '\n') {
				pkt[n++] = hexval(p[0]) << 4 | hexval(p[1]);
				p += 2;
			}
			printf("%u\n", bpf_filter(prog, pkt, wirelen, n));
		}
		fflush(stdout);
	}
	return 0;
}
