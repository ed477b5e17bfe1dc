/*
 * oracle: run glibc's getopt_long over an argument vector and print what it
 * returns, one line per call, so that getopt_test.go can record golden files
 * (go test ./compat/getopt -update) and compare the Go clone against them.
 *
 * usage: oracle SHORTS LONGS ARGV0 [ARG...]
 *   LONGS is "-" for no table (plain getopt), "" for an empty table, or
 *   "name:has_arg:val,..." with has_arg 0, 1 or 2 and val a decimal int.
 *
 * glibc writes its messages to stderr, which is joined to stdout so they
 * interleave with the "> " records exactly as a user sees them.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void quote(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
			printf("\\x%02x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static struct option *parse_longs(char *spec)
{
	struct option *opts;
	size_t n = 1;
	char *p, *tok;

	if (strcmp(spec, "-") == 0)
		return NULL;
	for (p = spec; *p; p++)
		n += *p == ',';
	opts = calloc(n + 1, sizeof(*opts));
	n = 0;
	for (tok = strtok(spec, ","); tok; tok = strtok(NULL, ",")) {
		char *c1 = strchr(tok, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		if (!c2) {
			fprintf(stderr, "oracle: bad long option spec '%s'\n", tok);
			exit(2);
		}
		*c1 = *c2 = '\0';
		opts[n].name = tok;
		opts[n].has_arg = atoi(c1 + 1);
		opts[n].val = atoi(c2 + 1);
		n++;
	}
	return opts;
}

int main(int argc, char **argv)
{
	struct option *longs;
	const char *shorts;
	int calls, i;

	if (argc < 4) {
		fprintf(stderr, "usage: oracle SHORTS LONGS ARGV0 [ARG...]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	dup2(1, 2);
	shorts = argv[1];
	longs = parse_longs(argv[2]);
	argc -= 3;
	argv += 3;
	for (calls = 0; calls < 1000; calls++) {
		int longindex = -1;
		int c = getopt_long(argc, argv, shorts, longs, &longindex);

		printf("> ret=%d optind=%d", c, optind);
		if (c == -1) {
			putchar('\n');
			break;
		}
		printf(" optarg=");
		if (optarg)
			quote(optarg);
		else
			printf("NULL");
		printf(" longindex=%d", longindex);
		if (c == '?' || c == ':')
			printf(" optopt=%d", optopt);
		putchar('\n');
	}
	printf("> argv:");
	for (i = 0; i < argc; i++) {
		putchar(' ');
		quote(argv[i]);
	}
	putchar('\n');
	return 0;
}
