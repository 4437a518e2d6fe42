// The one door to libcurl (Debian's libcurl4-openssl-dev at build time, libcurl.so.4 at run time), used by
// FeedFetching only. libcurl is opened with dlopen by the first transfer, not linked: linked, it and its thirty-odd
// libraries (OpenSSL, GnuTLS, LDAP, Kerberos, SSH…) made the dynamic loader resolve about 8,000 symbols at every
// start of qnread-tool, including the commands that never fetch (`show`, `articles`, `search`).
// curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic, which Swift cannot call: each helper
// below fixes the type of the one argument that follows the option.
#ifndef QNREAD_CCURL_H
#define QNREAD_CCURL_H

#include <curl/curl.h>

/// Opens libcurl and runs curl_global_init, once per process (later calls return the first answer). NULL when
/// libcurl is ready; otherwise why it is not, as one line ("libcurl.so.4: cannot open shared object file…").
/// No other function below may be called before this returned NULL.
const char *qn_curl_load(void);

CURL *qn_easy_init(void);
void qn_easy_cleanup(CURL *easy);
const char *qn_easy_strerror(CURLcode code);
struct curl_slist *qn_slist_append(struct curl_slist *list, const char *line);
void qn_slist_free_all(struct curl_slist *list);
/// -1 when the text is no date libcurl knows, or libcurl is not loaded.
time_t qn_getdate(const char *text);

CURLcode qn_easy_setopt_long(CURL *easy, CURLoption option, long value);
CURLcode qn_easy_setopt_off(CURL *easy, CURLoption option, curl_off_t value);
/// libcurl copies the string (every string option but CURLOPT_POSTFIELDS), so it need not outlive the call.
CURLcode qn_easy_setopt_string(CURL *easy, CURLoption option, const char *value);
/// Callback contexts, the header list and the error buffer: they must outlive the transfer.
CURLcode qn_easy_setopt_pointer(CURL *easy, CURLoption option, void *value);
/// CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION share this type.
CURLcode qn_easy_setopt_write(CURL *easy, CURLoption option, curl_write_callback callback);
CURLcode qn_easy_getinfo_long(CURL *easy, CURLINFO info, long *value);
CURLcode qn_easy_getinfo_off(CURL *easy, CURLINFO info, curl_off_t *value);
/// The string belongs to the handle: copy it before qn_easy_cleanup.
CURLcode qn_easy_getinfo_string(CURL *easy, CURLINFO info, char **value);

CURLM *qn_multi_init(void);
CURLMcode qn_multi_cleanup(CURLM *multi);
CURLMcode qn_multi_setopt_long(CURLM *multi, CURLMoption option, long value);
CURLMcode qn_multi_add_handle(CURLM *multi, CURL *easy);
CURLMcode qn_multi_remove_handle(CURLM *multi, CURL *easy);
CURLMcode qn_multi_perform(CURLM *multi, int *running);
CURLMsg *qn_multi_info_read(CURLM *multi, int *left);
CURLMcode qn_multi_poll(CURLM *multi, int timeout_ms);
CURLMcode qn_multi_wakeup(CURLM *multi);

#endif
