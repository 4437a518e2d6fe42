/* The floor under a warm reload over HTTP (bench/reload_bench.py), for qnread's own transport: libcurl's multi
 * interface alone, set up as FeedFetching sets it up (at most 2 connections per host and 8 in all, HTTP/2
 * multiplexing, bodies decoded and dropped), sending each URL a conditional GET with the validators of a first
 * pass, and nothing else: no parsing, no store, no process start in the figure.
 * Usage: curl-floor RUNS URL...   Prints the median wall time of a pass, in ms, and how many answered 304.
 * Built by reload_bench.py: gcc -O2 curl_floor.c -lcurl. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

struct feed {
    const char *url;
    char etag[256], modified[128];
};

static size_t drop_body(char *data, size_t size, size_t count, void *context) {
    (void)data; (void)context;
    return size * count;
}

/* Keeps ETag and Last-Modified, as the store would. */
static size_t keep_validators(char *line, size_t size, size_t count, void *context) {
    struct feed *feed = context;
    size_t length = size * count;
    char *target = NULL;
    size_t room = 0, skip = 0;
    if (length > 5 && strncasecmp(line, "ETag:", 5) == 0) { target = feed->etag; room = sizeof feed->etag; skip = 5; }
    if (length > 14 && strncasecmp(line, "Last-Modified:", 14) == 0) { target = feed->modified; room = sizeof feed->modified; skip = 14; }
    if (target) {
        while (skip < length && line[skip] == ' ') skip++;
        size_t end = length;
        while (end > skip && (line[end - 1] == '\r' || line[end - 1] == '\n')) end--;
        size_t n = end - skip < room - 1 ? end - skip : room - 1;
        memcpy(target, line + skip, n);
        target[n] = 0;
    }
    return length;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* One pass over every feed; returns seconds, and the number of 304 answers in *not_modified. */
static double pass(CURLM *multi, struct feed *feeds, int count, int conditional, int *not_modified) {
    struct curl_slist **headers = calloc(count, sizeof *headers);
    double start = now();
    for (int i = 0; i < count; i++) {
        CURL *easy = curl_easy_init();
        char line[512];
        curl_easy_setopt(easy, CURLOPT_URL, feeds[i].url);
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, drop_body);
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, keep_validators);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, &feeds[i]);
        curl_easy_setopt(easy, CURLOPT_PRIVATE, &feeds[i]);
        if (conditional && feeds[i].etag[0]) {
            snprintf(line, sizeof line, "If-None-Match: %s", feeds[i].etag);
            headers[i] = curl_slist_append(headers[i], line);
        }
        if (conditional && feeds[i].modified[0]) {
            snprintf(line, sizeof line, "If-Modified-Since: %s", feeds[i].modified);
            headers[i] = curl_slist_append(headers[i], line);
        }
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers[i]);
        curl_multi_add_handle(multi, easy);
    }
    int running = 1, left;
    *not_modified = 0;
    while (running) {
        curl_multi_perform(multi, &running);
        CURLMsg *message;
        while ((message = curl_multi_info_read(multi, &left))) {
            if (message->msg != CURLMSG_DONE) continue;
            long status = 0;
            curl_easy_getinfo(message->easy_handle, CURLINFO_RESPONSE_CODE, &status);
            if (status == 304) (*not_modified)++;
            curl_multi_remove_handle(multi, message->easy_handle);
            curl_easy_cleanup(message->easy_handle);
        }
        if (running) curl_multi_poll(multi, NULL, 0, 1000, NULL);
    }
    double elapsed = now() - start;
    for (int i = 0; i < count; i++) curl_slist_free_all(headers[i]);
    free(headers);
    return elapsed;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: curl-floor RUNS URL...\n"); return 2; }
    int runs = atoi(argv[1]), count = argc - 2, not_modified = 0;
    struct feed *feeds = calloc(count, sizeof *feeds);
    for (int i = 0; i < count; i++) feeds[i].url = argv[i + 2];
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURLM *multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, 2L);
    curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, 8L);
    curl_multi_setopt(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    pass(multi, feeds, count, 0, &not_modified);
    double *times = calloc(runs, sizeof *times);
    for (int r = 0; r < runs; r++) times[r] = pass(multi, feeds, count, 1, &not_modified);
    qsort(times, runs, sizeof *times, by_value);
    printf("%.1f %d\n", times[runs / 2] * 1000, not_modified);
    curl_multi_cleanup(multi);
    curl_global_cleanup();
    return 0;
}
