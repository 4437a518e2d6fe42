// libcurl's functions, looked up once with dlsym; each pointer has the type of the prototype in <curl/curl.h>, so
// the compiler checks every call below against the header qnread was built with.
#include "CCurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// The SONAME of libcurl 7.16 and later (Debian's libcurl4 package, whichever TLS flavour).
#define LIBCURL_SONAME "libcurl.so.4"

static struct {
    __typeof__(curl_global_init) *global_init;
    __typeof__(curl_easy_init) *easy_init;
    __typeof__(curl_easy_cleanup) *easy_cleanup;
    __typeof__(curl_easy_strerror) *easy_strerror;
    __typeof__(curl_easy_setopt) *easy_setopt;
    __typeof__(curl_easy_getinfo) *easy_getinfo;
    __typeof__(curl_slist_append) *slist_append;
    __typeof__(curl_slist_free_all) *slist_free_all;
    __typeof__(curl_getdate) *getdate;
    __typeof__(curl_multi_init) *multi_init;
    __typeof__(curl_multi_cleanup) *multi_cleanup;
    __typeof__(curl_multi_setopt) *multi_setopt;
    __typeof__(curl_multi_add_handle) *multi_add_handle;
    __typeof__(curl_multi_remove_handle) *multi_remove_handle;
    __typeof__(curl_multi_perform) *multi_perform;
    __typeof__(curl_multi_info_read) *multi_info_read;
    __typeof__(curl_multi_poll) *multi_poll;
    __typeof__(curl_multi_wakeup) *multi_wakeup;
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_failure = "libcurl was not loaded";
static char load_message[512];

#define LOOK_UP(field, symbol)                                                                                       \
    if ((curl.field = (__typeof__(curl.field))dlsym(library, #symbol)) == NULL) {                                    \
        snprintf(load_message, sizeof load_message, "%s has no %s (libcurl 7.68 or later is needed)",               \
                 LIBCURL_SONAME, #symbol);                                                                           \
        load_failure = load_message;                                                                                 \
        return;                                                                                                      \
    }

static void load(void) {
    // RTLD_LOCAL: libcurl's own dependencies stay out of the global symbol scope.
    void *library = dlopen(LIBCURL_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(load_message, sizeof load_message, "%s", dlerror());
        load_failure = load_message;
        return;
    }
    LOOK_UP(global_init, curl_global_init)
    LOOK_UP(easy_init, curl_easy_init)
    LOOK_UP(easy_cleanup, curl_easy_cleanup)
    LOOK_UP(easy_strerror, curl_easy_strerror)
    LOOK_UP(easy_setopt, curl_easy_setopt)
    LOOK_UP(easy_getinfo, curl_easy_getinfo)
    LOOK_UP(slist_append, curl_slist_append)
    LOOK_UP(slist_free_all, curl_slist_free_all)
    LOOK_UP(getdate, curl_getdate)
    LOOK_UP(multi_init, curl_multi_init)
    LOOK_UP(multi_cleanup, curl_multi_cleanup)
    LOOK_UP(multi_setopt, curl_multi_setopt)
    LOOK_UP(multi_add_handle, curl_multi_add_handle)
    LOOK_UP(multi_remove_handle, curl_multi_remove_handle)
    LOOK_UP(multi_perform, curl_multi_perform)
    LOOK_UP(multi_info_read, curl_multi_info_read)
    LOOK_UP(multi_poll, curl_multi_poll)
    LOOK_UP(multi_wakeup, curl_multi_wakeup)
    CURLcode code = curl.global_init(CURL_GLOBAL_DEFAULT);
    if (code != CURLE_OK) {
        snprintf(load_message, sizeof load_message, "curl_global_init failed: %s", curl.easy_strerror(code));
        load_failure = load_message;
        return;
    }
    load_failure = NULL;
}

const char *qn_curl_load(void) {
    pthread_once(&load_once, load);
    return load_failure;
}

CURL *qn_easy_init(void) { return curl.easy_init(); }
void qn_easy_cleanup(CURL *easy) { curl.easy_cleanup(easy); }
const char *qn_easy_strerror(CURLcode code) { return curl.easy_strerror(code); }
struct curl_slist *qn_slist_append(struct curl_slist *list, const char *line) { return curl.slist_append(list, line); }
void qn_slist_free_all(struct curl_slist *list) { curl.slist_free_all(list); }

time_t qn_getdate(const char *text) {
    return qn_curl_load() == NULL ? curl.getdate(text, NULL) : -1;
}

CURLcode qn_easy_setopt_long(CURL *easy, CURLoption option, long value) {
    return curl.easy_setopt(easy, option, value);
}

CURLcode qn_easy_setopt_off(CURL *easy, CURLoption option, curl_off_t value) {
    return curl.easy_setopt(easy, option, value);
}

CURLcode qn_easy_setopt_string(CURL *easy, CURLoption option, const char *value) {
    return curl.easy_setopt(easy, option, value);
}

CURLcode qn_easy_setopt_pointer(CURL *easy, CURLoption option, void *value) {
    return curl.easy_setopt(easy, option, value);
}

CURLcode qn_easy_setopt_write(CURL *easy, CURLoption option, curl_write_callback callback) {
    return curl.easy_setopt(easy, option, callback);
}

CURLcode qn_easy_getinfo_long(CURL *easy, CURLINFO info, long *value) {
    return curl.easy_getinfo(easy, info, value);
}

CURLcode qn_easy_getinfo_off(CURL *easy, CURLINFO info, curl_off_t *value) {
    return curl.easy_getinfo(easy, info, value);
}

CURLcode qn_easy_getinfo_string(CURL *easy, CURLINFO info, char **value) {
    return curl.easy_getinfo(easy, info, value);
}

CURLM *qn_multi_init(void) { return curl.multi_init(); }
CURLMcode qn_multi_cleanup(CURLM *multi) { return curl.multi_cleanup(multi); }

CURLMcode qn_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl.multi_setopt(multi, option, value);
}

CURLMcode qn_multi_add_handle(CURLM *multi, CURL *easy) { return curl.multi_add_handle(multi, easy); }
CURLMcode qn_multi_remove_handle(CURLM *multi, CURL *easy) { return curl.multi_remove_handle(multi, easy); }
CURLMcode qn_multi_perform(CURLM *multi, int *running) { return curl.multi_perform(multi, running); }
CURLMsg *qn_multi_info_read(CURLM *multi, int *left) { return curl.multi_info_read(multi, left); }
CURLMcode qn_multi_poll(CURLM *multi, int timeout_ms) { return curl.multi_poll(multi, NULL, 0, timeout_ms, NULL); }
CURLMcode qn_multi_wakeup(CURLM *multi) { return curl.multi_wakeup(multi); }
