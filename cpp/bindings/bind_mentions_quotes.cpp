// Bindings of stage 2 and 3: mentions, entities and quotes as light views (document + index).
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "views.hpp"

namespace presslens::bindings {

namespace {

using EntityView = View<Entity>;
using MentionView = View<Mention>;
using QuoteView = View<Quote>;

struct SpanView {  // a plain span of text (a quote's cue)
  std::shared_ptr<const Document> doc;
  std::uint32_t start, end;
};

std::string clip(std::string t, std::size_t max = 60) {
  if (t.size() <= max) return t;
  std::size_t cut = max - 3;
  while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
  return t.substr(0, cut) + "...";
}

py::object entity_or_none(const std::shared_ptr<const Document>& doc, std::int32_t e) {
  if (e < 0 || static_cast<std::size_t>(e) >= doc->mentions.entities.size()) return py::none();
  return py::cast(EntityView{doc, static_cast<std::uint32_t>(e)});
}
py::object mention_or_none(const std::shared_ptr<const Document>& doc, std::int32_t m) {
  if (m < 0 || static_cast<std::size_t>(m) >= doc->mentions.mentions.size()) return py::none();
  return py::cast(MentionView{doc, static_cast<std::uint32_t>(m)});
}

template <class T>
bool same(const View<T>& a, const View<T>& b) {
  return a.doc.get() == b.doc.get() && a.i == b.i;
}
template <class T>
std::size_t view_hash(const View<T>& v) {
  return std::hash<const void*>()(v.doc.get()) ^ (static_cast<std::size_t>(v.i) * 0x9E3779B97F4A7C15ull);
}

}  // namespace

void bind_mentions_quotes(py::module_& m) {
  py::class_<SpanView>(m, "Span", "A span of the document text (e.g. a quote's cue)")
      .def_property_readonly("start", [](const SpanView& v) { return cp(*v.doc, v.start); })
      .def_property_readonly("end", [](const SpanView& v) { return cp(*v.doc, v.end); })
      .def_property_readonly("text", [](const SpanView& v) { return slice(*v.doc, v.start, v.end); })
      .def("__str__", [](const SpanView& v) { return slice(*v.doc, v.start, v.end); })
      .def("__repr__", [](const SpanView& v) {
        std::string t = slice(*v.doc, v.start, v.end);
        return "<Span " + std::to_string(cp(*v.doc, v.start)) + ":" + std::to_string(cp(*v.doc, v.end)) + " " +
               std::string(py::repr(py::str(clip(t)))) + ">";
      });

  py::class_<EntityView>(m, "Entity", "A person, organization, group or place: all its mentions in one document")
      .def_property_readonly("i", [](const EntityView& v) { return v.i; })
      .def_property_readonly("name", [](const EntityView& v) { return v.item().name; }, "Canonical name (the longest seen, title excluded)")
      .def_property_readonly("kind", [](const EntityView& v) { return to_string(v.item().kind); },
                             "'person', 'organization', 'group', 'place' or 'other'")
      .def_property_readonly("title", [](const EntityView& v) -> py::object {
        if (v.item().title.empty()) return py::none();
        return py::str(v.item().title);
      }, "Title or role ('U.S. Secretary of State'), or None")
      .def_property_readonly("gender", [](const EntityView& v) { return to_string(v.item().gender); },
                             "'male', 'female' or 'unknown' (a hint from titles and first names)")
      .def_property_readonly("mentions", [](const EntityView& v) {
        py::list out;
        for (auto k : v.item().mentions) out.append(MentionView{v.doc, k});
        return out;
      })
      .def_property_readonly("party", [](const EntityView& v) -> py::object {
        if (v.item().affiliation.party.empty()) return py::none();
        return py::str(v.item().affiliation.party);
      }, "'Democratic', 'Republican' or 'Independent' when the text says so ('Sen. Pat Leahy (D-Vt.)', 'Democratic Sen. X', 'X, a Republican'), else None")
      .def_property_readonly("role", [](const EntityView& v) -> py::object {
        if (v.item().affiliation.role == RoleClass::None) return py::none();
        return py::str(to_string(v.item().affiliation.role));
      }, "Role class from the title or apposition: 'lawmaker', 'executive', 'official', 'spokesperson', 'aide', 'candidate', "
         "'judge', 'clergy', 'police', 'military', 'lawyer', 'journalist', 'academic', 'business', 'activist'; or None")
      .def_property_readonly("speaks_for", [](const EntityView& v) { return entity_or_none(v.doc, v.item().affiliation.speaks_for); },
                             "The entity a spokesperson, aide or lawyer speaks for ('a spokesman for Speaker John Boehner'), or None")
      .def_property_readonly("organization", [](const EntityView& v) { return entity_or_none(v.doc, v.item().affiliation.organization); },
                             "The organization an apposition places the entity in ('a professor at Fordham University'), or None")
      .def_property_readonly("groups", [](const EntityView& v) {
        py::list out;
        for (const auto& g : v.item().affiliation.groups) out.append(py::str(g));
        return out;
      }, "Faith or membership words from the text ('Catholic' for 'Jesuit Father Thomas J. Reese')")
      .def_property_readonly("affiliation_evidence", [](const EntityView& v) {
        py::list out;
        for (const auto& ev : v.item().affiliation.evidence) out.append(SpanView{v.doc, ev.first, ev.second});
        return out;
      }, "The spans of text the party, role, groups and speaks_for come from (titles, '(D-N.Y.)', appositions)")
      .def("__eq__", [](const EntityView& a, const EntityView& b) { return same(a, b); })
      .def("__hash__", [](const EntityView& v) { return view_hash(v); })
      .def("__str__", [](const EntityView& v) { return v.item().name; })
      .def("__repr__", [](const EntityView& v) {
        const Entity& e = v.item();
        std::string r = "<Entity " + std::string(to_string(e.kind)) + " " + std::string(py::repr(py::str(e.name)));
 if (!e.title.empty()) r += " title=" + std::string(py::repr(py::str(e.title)));
        if (!e.affiliation.party.empty()) r += " party=" + std::string(py::repr(py::str(e.affiliation.party)));
        if (e.affiliation.role != RoleClass::None) r += " role=" + std::string(py::repr(py::str(to_string(e.affiliation.role))));
        if (e.affiliation.speaks_for >= 0)
          r += " for=" + std::string(py::repr(py::str(v.doc->mentions.entities[static_cast<std::size_t>(e.affiliation.speaks_for)].name)));
        return r + ", " + std::to_string(e.mentions.size()) + " mentions>";
      });

  py::class_<MentionView>(m, "Mention", "A mention of an entity: a light view into its document")
      .def_property_readonly("i", [](const MentionView& v) { return v.i; })
      .def_property_readonly("start", [](const MentionView& v) { return cp(*v.doc, v.item().start); })
      .def_property_readonly("end", [](const MentionView& v) { return cp(*v.doc, v.item().end); })
      .def_property_readonly("text", [](const MentionView& v) { return slice(*v.doc, v.item().start, v.item().end); })
      .def_property_readonly("entity", [](const MentionView& v) { return entity_or_none(v.doc, v.item().entity); },
                             "The entity, or None for an unresolved pronoun")
      .def_property_readonly("sentence", [](const MentionView& v) { return v.item().sentence; }, "Sentence index")
      .def_property_readonly("is_pronoun", [](const MentionView& v) { return v.item().is_pronoun; })
      .def_property_readonly("in_quote", [](const MentionView& v) { return v.item().in_quote; },
                             "Inside quotation marks")
      .def("__eq__", [](const MentionView& a, const MentionView& b) { return same(a, b); })
      .def("__hash__", [](const MentionView& v) { return view_hash(v); })
      .def("__str__", [](const MentionView& v) { return slice(*v.doc, v.item().start, v.item().end); })
      .def("__repr__", [](const MentionView& v) {
        const Mention& mm = v.item();
        std::string r = "<Mention " + std::to_string(cp(*v.doc, mm.start)) + ":" + std::to_string(cp(*v.doc, mm.end)) +
                        " " + std::string(py::repr(slice(*v.doc, mm.start, mm.end)));
        if (mm.entity >= 0) r += " -> " + std::string(py::repr(py::str(v.doc->mentions.entities[static_cast<std::size_t>(mm.entity)].name)));
        return r + ">";
      });

  py::class_<QuoteView>(m, "Quote", "A quotation or reported speech with its speaker: a light view into its document")
      .def_property_readonly("i", [](const QuoteView& v) { return v.i; })
      .def_property_readonly("kind", [](const QuoteView& v) { return to_string(v.item().kind); },
                             "'direct', 'partial', 'indirect', 'according_to' or 'turn'")
      .def_property_readonly("start", [](const QuoteView& v) { return cp(*v.doc, v.item().start); },
                             "Start of the content (quote marks excluded), a str index")
      .def_property_readonly("end", [](const QuoteView& v) { return cp(*v.doc, v.item().end); })
      .def_property_readonly("text", [](const QuoteView& v) { return slice(*v.doc, v.item().start, v.item().end); })
      .def_property_readonly("speaker", [](const QuoteView& v) { return entity_or_none(v.doc, v.item().speaker); },
                             "The speaker entity, or None")
      .def_property_readonly("speaker_mention", [](const QuoteView& v) { return mention_or_none(v.doc, v.item().speaker_mention); },
                             "The mention naming the speaker (possibly a pronoun), or None")
      .def_property_readonly("cue", [](const QuoteView& v) -> py::object {
        if (v.item().cue_end <= v.item().cue_start) return py::none();
        return py::cast(SpanView{v.doc, v.item().cue_start, v.item().cue_end});
      }, "The cue span ('said', 'according to'), or None")
      .def_property_readonly("sentence", [](const QuoteView& v) { return v.item().sentence; }, "Index of the sentence where the content starts")
      .def_property_readonly("paragraph", [](const QuoteView& v) { return v.item().paragraph; }, "Index of the paragraph where the content starts")
      .def_property_readonly("confidence", [](const QuoteView& v) { return v.item().confidence; })
      .def("__len__", [](const QuoteView& v) { return cp(*v.doc, v.item().end) - cp(*v.doc, v.item().start); })
      .def("__eq__", [](const QuoteView& a, const QuoteView& b) { return same(a, b); })
      .def("__hash__", [](const QuoteView& v) { return view_hash(v); })
      .def("__str__", [](const QuoteView& v) { return slice(*v.doc, v.item().start, v.item().end); })
      .def("__repr__", [](const QuoteView& v) {
        const Quote& q = v.item();
        std::string who = q.speaker >= 0 ? v.doc->mentions.entities[static_cast<std::size_t>(q.speaker)].name : "?";
        std::string t = slice(*v.doc, q.start, q.end);
        return "<Quote " + std::string(to_string(q.kind)) + " " + std::string(py::repr(py::str(who))) + ": " +
               std::string(py::repr(py::str(clip(t)))) + ">";
      });

  m.def("_quotes", [](const DocumentHandle& h) {
    py::list out;
    for (std::uint32_t k = 0; k < h.doc->quotes.size(); ++k) out.append(QuoteView{h.doc, k});
    return out;
  }, "The quotes of a document, in text order");
  m.def("_entities", [](const DocumentHandle& h) {
    py::list out;
    for (std::uint32_t k = 0; k < h.doc->mentions.entities.size(); ++k) out.append(EntityView{h.doc, k});
    return out;
  }, "The entities of a document, in order of first mention");
  m.def("_mentions", [](const DocumentHandle& h) {
    py::list out;
    for (std::uint32_t k = 0; k < h.doc->mentions.mentions.size(); ++k) out.append(MentionView{h.doc, k});
    return out;
  }, "The mentions of a document, in text order");
  m.def("_quote_rows", [](const DocumentHandle& h) {
    // One tuple per quote for DataFrames: (kind, start, end, speaker index, speaker mention start,
    // speaker mention end, cue start, cue end, sentence, paragraph, confidence); -1 when absent.
    const Document& d = *h.doc;
    py::list out;
    for (const Quote& q : d.quotes) {
      long ms = -1, me = -1, cs = -1, ce = -1;
      if (q.speaker_mention >= 0) {
        const Mention& mm = d.mentions.mentions[static_cast<std::size_t>(q.speaker_mention)];
        ms = cp(d, mm.start);
        me = cp(d, mm.end);
      }
      if (q.cue_end > q.cue_start) {
        cs = cp(d, q.cue_start);
        ce = cp(d, q.cue_end);
      }
      out.append(py::make_tuple(to_string(q.kind), cp(d, q.start), cp(d, q.end), q.speaker, ms, me, cs, ce,
                                q.sentence, q.paragraph, q.confidence));
    }
    return out;
  });
  py::list kinds;
  for (int k = 0; k <= static_cast<int>(QuoteKind::Turn); ++k) kinds.append(to_string(static_cast<QuoteKind>(k)));
  m.attr("QUOTE_KINDS") = py::tuple(kinds);
  py::list ekinds;
  for (int k = 0; k <= static_cast<int>(EntityKind::Other); ++k) ekinds.append(to_string(static_cast<EntityKind>(k)));
  m.attr("ENTITY_KINDS") = py::tuple(ekinds);
  py::list roles;
  for (int k = 1; k <= static_cast<int>(RoleClass::Activist); ++k) roles.append(to_string(static_cast<RoleClass>(k)));
  m.attr("ROLE_CLASSES") = py::tuple(roles);
}

}  // namespace presslens::bindings
