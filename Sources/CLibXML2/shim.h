// The one door to libxml2. ICU is switched off first: libxml2's headers pull in the system ICU,
// which clashes with Foundation's own copy in any module that also sees Foundation.
#ifndef QNREAD_CLIBXML2_SHIM_H
#define QNREAD_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/entities.h>
#include <libxml/xmlerror.h>
#include <libxml/uri.h>

#include <stdlib.h>
#include <string.h>

// xmlFree is a global function pointer, which Swift cannot call directly.
static inline void qn_xml_free(void *pointer) { xmlFree(pointer); }

// libxml2 prints what it cannot pin on a parser (encoding conversion errors among them) through its generic
// error function, to stderr by default, which would garble the reader's screen. The setting is per thread.
static inline void qn_ignore_error(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void qn_silence_generic_errors(void) { xmlSetGenericErrorFunc(NULL, qn_ignore_error); }

// In recovery mode libxml2 2.9 drops every reference, even "&amp;" and "&#233;", once the document has had one
// well-formedness error. The SAX callbacks call this, so a single broken tag does not cost the rest of the feed.
static inline void qn_forgive_errors(xmlParserCtxtPtr ctxt) { if (ctxt != NULL) ctxt->wellFormed = 1; }

#endif
