// The one door to Debian's libcurl (libcurl4-openssl-dev), used by FeedFetching's transfer loop only.
// curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic, which Swift cannot call: each helper
// below fixes the type of the one argument that follows the option.
#ifndef QNREAD_CCURL_SHIM_H
#define QNREAD_CCURL_SHIM_H

#include <curl/curl.h>

/// Once per process, before any other call (CURL_GLOBAL_DEFAULT is a macro expression Swift does not import).
static inline CURLcode qn_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

static inline CURLcode qn_easy_setopt_long(CURL *easy, CURLoption option, long value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode qn_easy_setopt_off(CURL *easy, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(easy, option, value);
}

/// libcurl copies the string (every string option but CURLOPT_POSTFIELDS), so it need not outlive the call.
static inline CURLcode qn_easy_setopt_string(CURL *easy, CURLoption option, const char *value) {
    return curl_easy_setopt(easy, option, value);
}

/// Callback contexts, the header list and the error buffer: they must outlive the transfer.
static inline CURLcode qn_easy_setopt_pointer(CURL *easy, CURLoption option, void *value) {
    return curl_easy_setopt(easy, option, value);
}

/// CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION share this type.
static inline CURLcode qn_easy_setopt_write(CURL *easy, CURLoption option, curl_write_callback callback) {
    return curl_easy_setopt(easy, option, callback);
}

static inline CURLcode qn_easy_getinfo_long(CURL *easy, CURLINFO info, long *value) {
    return curl_easy_getinfo(easy, info, value);
}

static inline CURLcode qn_easy_getinfo_off(CURL *easy, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(easy, info, value);
}

/// The string belongs to the handle: copy it before curl_easy_cleanup.
static inline CURLcode qn_easy_getinfo_string(CURL *easy, CURLINFO info, char **value) {
    return curl_easy_getinfo(easy, info, value);
}

static inline CURLMcode qn_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

#endif
