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

// An entity whose replacement is plain text, typed "predefined" so libxml2 inlines it as characters
// (like &amp;) instead of starting a sub-parser per reference. Used for HTML entities (&nbsp;, &eacute;)
// that feeds write in XML without declaring them. Free with qn_free_text_entity.
static inline xmlEntityPtr qn_new_text_entity(const xmlChar *name, const char *utf8) {
    xmlEntityPtr entity = (xmlEntityPtr)calloc(1, sizeof(xmlEntity));
    if (entity == NULL) return NULL;
    entity->type = XML_ENTITY_DECL;
    entity->name = (const xmlChar *)strdup((const char *)name);
    entity->content = (xmlChar *)strdup(utf8);
    entity->length = (int)strlen(utf8);
    entity->etype = XML_INTERNAL_PREDEFINED_ENTITY;
    return entity;
}

static inline void qn_free_text_entity(xmlEntityPtr entity) {
    if (entity == NULL) return;
    free((void *)entity->name);
    free(entity->content);
    free(entity);
}

// In recovery mode libxml2 2.9 drops every entity reference (even &amp;) once the document has had one
// well-formedness error. The SAX callbacks call this so a single stray "<" does not cost the rest of the feed.
static inline void qn_keep_entities(xmlParserCtxtPtr ctxt) { if (ctxt != NULL) ctxt->wellFormed = 1; }

static inline int qn_line_number(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->line : 0;
}

#endif
