// The English function words TermOptions::stopwords leaves out of term counts: articles,
// pronouns, auxiliary and modal verbs, prepositions, conjunctions, and a few adverbs and
// determiners that say nothing about a topic. Written for presslens (not taken from a library's
// list); news words such as "said", "government" or "people" are deliberately kept, as outlets
// differ in them.
#include <string_view>
#include <vector>

#include "../common/string_table.hpp"
#include "presslens/corpus.hpp"
#include "stopwords.hpp"

namespace presslens {

namespace {

const detail::StringTable<bool>& stopword_table() {
  static const detail::StringTable<bool> words = [] {
    const std::vector<std::string_view> w = {
        // articles, determiners, quantifiers
        "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "either",
        "neither", "such", "what", "which", "whose", "whatever", "whichever", "all", "both", "few",
        "more", "most", "much", "many", "other", "another", "own", "same", "several", "no", "nor", "not",
        // pronouns
        "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours",
        "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it",
        "its", "itself", "they", "them", "their", "theirs", "themselves", "who", "whom", "one", "ones",
        // auxiliary and modal verbs
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do",
        "does", "did", "doing", "done", "will", "would", "shall", "should", "can", "could", "may", "might",
        "must", "ought",
        // prepositions
        "about", "above", "across", "after", "against", "along", "among", "around", "as", "at", "before",
        "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite", "down",
        "during", "except", "for", "from", "in", "inside", "into", "near", "of", "off", "on", "onto",
        "out", "outside", "over", "per", "since", "than", "through", "throughout", "till", "to", "toward",
        "towards", "under", "underneath", "until", "unto", "up", "upon", "via", "with", "within", "without",
        // conjunctions and connectives
        "and", "but", "or", "if", "because", "while", "whereas", "although", "though", "unless", "so",
        "yet", "whether", "then", "also", "too", "either", "thus", "hence",
        // adverbs of place, time and degree with no topic of their own
        "here", "there", "where", "when", "why", "how", "again", "ever", "never", "now", "only", "just",
        "very", "still", "even", "already", "once", "twice", "quite", "rather", "almost", "perhaps",
        // contraction remnants that tokenize as words
        "s", "t", "d", "ll", "m", "re", "ve",
    };
    detail::StringTable<bool> table;
    for (const std::string_view word : w) table.put(word, true);
    return table;
  }();
  return words;
}

}  // namespace

namespace corpus_detail {

bool is_stopword(std::string_view term, std::uint64_t h) noexcept {
  // (The table's bit filter turns most other words away without reading a slot.)
  return stopword_table().find(term, h) != nullptr;
}

}  // namespace corpus_detail

bool is_stopword(std::string_view term) noexcept { return corpus_detail::is_stopword(term, detail::hash_bytes(term)); }

}  // namespace presslens
