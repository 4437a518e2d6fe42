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

// xmlFree is a global function pointer, which Swift cannot call directly.
static inline void qn_xml_free(void *pointer) { xmlFree(pointer); }

#endif
