#include "model/channel_similarity.h"

#include "model/text_distance.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string_view>

namespace eventscope {
namespace {

bool isSeparator(char c) { return c == '.' || c == '_' || c == '-' || c == '/' || c == ':' || c == ' '; }
bool isLower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool isUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string lower(std::string text) {
  for (char &c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// British -> American (`toBritish` false) or American -> British, applied to both names, so
// only consistency matters. Both directions are forms of their own: a fold only applies to a
// whole ending, so a misspelt word keeps its spelling (`realisd`), one edit from the produced
// name's British form (`realised`) but two from its American one (`realized`).
std::string foldSpelling(std::string word, bool toBritish = false) {
  static const std::pair<const char *, const char *> doubledL[] = {
      {"cancelled", "canceled"}, {"cancelling", "canceling"}, {"labelled", "labeled"},
      {"labelling", "labeling"}, {"travelled", "traveled"},   {"modelled", "modeled"},
      {"signalled", "signaled"}, {"fuelled", "fueled"},       {"levelled", "leveled"},
      {"colour", "color"},       {"behaviour", "behavior"},   {"centre", "center"},
      {"favourite", "favorite"}, {"catalogue", "catalog"},    {"licence", "license"},
      {"dialogue", "dialog"},    {"grey", "gray"}};
  for (auto [british, american] : doubledL)
    if (word == (toBritish ? american : british))
      return toBritish ? british : american;
  // authorise/authorised/authorising/organisation -> z (and back)
  static const char *const ise[] = {"ise", "ised", "ises", "ising", "isation", "isations"};
  static const char *const ize[] = {"ize", "ized", "izes", "izing", "ization", "izations"};
  for (const char *suffix : toBritish ? ize : ise)
    if (word.size() > 5 && endsWith(word, suffix))
      word[word.size() - std::string(suffix).size() + 1] = toBritish ? 's' : 'z';
  return word;
}

std::string singular(std::string word) {
  if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's')
    word.pop_back();
  return word;
}

// The numbers in a name, space-separated ("v1.2" -> "1 2"): only the numbers, so that
// `v2s` and `v2` agree.
std::string digitsOf(const std::string &name) {
  std::string digits;
  for (size_t i = 0; i < name.size(); ++i)
    if (isDigit(name[i])) {
      if (!digits.empty() && i > 0 && !isDigit(name[i - 1]))
        digits += ' ';
      digits += name[i];
    }
  return digits;
}

std::string joined(const std::vector<std::string> &words) {
  std::string out;
  for (const std::string &w : words)
    out += w;
  return out;
}

std::string withoutSeparators(const std::string &name) {
  std::string out;
  for (char c : name)
    if (!isSeparator(c))
      out += c;
  return out;
}

// How many edits still count as a typo for a name of this (normalised) length.
size_t allowedEdits(size_t length) {
  if (length < 5)
    return 0;
  return length < 16 ? 1 : 2;
}

} // namespace

// Words of a name, split at separators, camelCase humps and digit boundaries, lower-cased;
// `fold` applies the plural and spelling folds as well.
static std::vector<std::string> splitWords(const std::string &name, bool foldPlural, bool foldSpellings,
                                           bool toBritish = false) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) {
      std::string word = lower(current);
      if (foldPlural)
        word = singular(word);
      if (foldSpellings)
        word = foldSpelling(word, toBritish);
      words.push_back(word);
    }
    current.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (isSeparator(c)) {
      flush();
      continue;
    }
    if (!current.empty()) {
      char prev = current.back();
      bool camel = isUpper(c) && (isLower(prev) || (isUpper(prev) && i + 1 < name.size() && isLower(name[i + 1])));
      if (camel || isDigit(c) != isDigit(prev))
        flush();
    }
    current += c;
  }
  flush();
  return words;
}

std::vector<std::string> channelNameWords(const std::string &name) { return splitWords(name, true, true); }

namespace {

// The forms of a name the near-miss checks compare, computed once per channel rather than
// once per pair: a thousand unproduced channels against a thousand produced ones is a
// million pairs.
struct NameForms {
  std::string name, digits, lower, bare, plural, spelling, british, words;
  std::vector<std::string> wordList; // channelNameWords, of which `words` is the join
  std::array<uint8_t, 32> letters{}; // of `words`, counted by the low five bits (saturating)
};

NameForms formsOf(const std::string &name) {
  std::vector<std::string> words = channelNameWords(name);
  NameForms forms{name,
                  digitsOf(name),
                  lower(name),
                  lower(withoutSeparators(name)),
                  joined(splitWords(name, true, false)),
                  joined(splitWords(name, false, true)),
                  joined(splitWords(name, false, true, true)),
                  joined(words),
                  std::move(words),
                  {}};
  for (char c : forms.words) {
    uint8_t &count = forms.letters[static_cast<unsigned char>(c) & 31];
    count = count == 255 ? count : count + 1;
  }
  return forms;
}

// The forms nearMissOf compares, in its order: for equality (each its own kind of
// near-miss), then for edit distance, each against the bound for its own length. The name as
// written needs no distance of its own: lower-casing keeps the length and never adds an edit.
constexpr size_t kForms = 6;
std::array<const std::string *, kForms> comparedForms(const NameForms &forms) {
  return {&forms.lower, &forms.bare, &forms.plural, &forms.spelling, &forms.british, &forms.words};
}

// The compared forms, each string once (most names have two or three distinct forms).
std::vector<const std::string *> distinctForms(const NameForms &forms) {
  std::vector<const std::string *> out;
  for (const std::string *form : comparedForms(forms))
    if (std::none_of(out.begin(), out.end(), [&](const std::string *seen) { return *seen == *form; }))
      out.push_back(form);
  return out;
}

// A lower bound of the edit distance from the letters alone: one edit adds at most one
// letter and removes at most one. Cheaper than the distance, and most pairs fail it.
size_t lettersApart(const NameForms &a, const NameForms &b) {
  size_t more = 0, fewer = 0;
  for (size_t i = 0; i < a.letters.size(); ++i)
    if (a.letters[i] > b.letters[i])
      more += a.letters[i] - b.letters[i];
    else
      fewer += b.letters[i] - a.letters[i];
  return std::max(more, fewer);
}

// The stems an English verb form may come from, each with the form it was read as: the
// word itself (a base), and what is left without a past-tense or -ing ending (`created` ->
// `create`, `stopped` -> `stop`, `applied` -> `apply`, `starting` -> `start`). A superset is
// harmless: two words are compared by whether they share a stem in different forms.
enum class VerbForm { Base, Past, Progressive };
std::vector<std::pair<std::string, VerbForm>> verbStems(const std::string &word) {
  std::vector<std::pair<std::string, VerbForm>> stems{{word, VerbForm::Base}};
  auto strip = [&](std::string_view ending, std::string_view added, bool stemEndsInE, VerbForm form) {
    if (word.size() < ending.size() + 3 || !std::string_view(word).ends_with(ending))
      return;
    std::string stem = word.substr(0, word.size() - ending.size());
    // `created` is `create` + d and `started` is `start` + ed: `createed` and `creatd` are not
    // forms of `create`, so a misspelt `created` is still a typo.
    if ((stem.back() == 'e') != stemEndsInE)
      return;
    stems.push_back({stem + std::string(added), form});
    if (added.empty() && stem.size() >= 4 && stem.back() == stem[stem.size() - 2]) // stopped, shipping
      stems.push_back({stem.substr(0, stem.size() - 1), form});
  };
  strip("ed", "", false, VerbForm::Past);
  strip("d", "", true, VerbForm::Past);
  strip("ied", "y", false, VerbForm::Past);
  strip("ing", "", false, VerbForm::Progressive);
  strip("ing", "e", false, VerbForm::Progressive);
  return stems;
}

// Whether two names are the same words but one, which is one form of a verb in one name and
// another form of it in the other (`artifacts:create` and `artifacts:created`, `order.ship`
// and `order.shipped`, `report.generating` and `report.generated`): a command and the event
// that it happened, or a state and the event that ends it, which systems name apart on
// purpose. Two past forms (`shiped`, `shipped`) are one form misspelt: still a typo.
bool differsOnlyInVerbForm(const NameForms &a, const NameForms &b) {
  if (a.wordList.size() != b.wordList.size())
    return false;
  size_t differing = a.wordList.size();
  for (size_t i = 0; i < a.wordList.size(); ++i)
    if (a.wordList[i] != b.wordList[i]) {
      if (differing != a.wordList.size())
        return false; // a second word differs
      differing = i;
    }
  if (differing == a.wordList.size())
    return false;
  auto stemsB = verbStems(b.wordList[differing]);
  for (const auto &[stem, form] : verbStems(a.wordList[differing]))
    for (const auto &[other, otherForm] : stemsB)
      if (stem.size() >= 3 && stem == other && form != otherForm)
        return true;
  return false;
}

std::optional<std::string> nearMissOf(const NameForms &consumed, const NameForms &produced) {
  if (consumed.name == produced.name)
    return std::nullopt;
  // v1/v2, partition-3/partition-4: different numbers are different channels.
  if (consumed.digits != produced.digits)
    return std::nullopt;
  if (consumed.lower == produced.lower)
    return "differs only in case";
  if (consumed.bare == produced.bare)
    return "differs only in separators";
  if (consumed.plural == produced.plural)
    return "differs only in singular/plural";
  if (consumed.spelling == produced.spelling)
    return "differs only in British/American spelling";
  if (consumed.words == produced.words)
    return "differs only in plural and British/American spelling";
  if (differsOnlyInVerbForm(consumed, produced))
    return std::nullopt;
  // Within the bound in any one form is a near-miss: a fold that moves one name further
  // away (`publised` -> `publized`, two edits from `published`) must not hide the one edit
  // the bare name shows. The fewest edits of any form is the one reported.
  size_t best = SIZE_MAX;
  auto consumedForms = comparedForms(consumed), producedForms = comparedForms(produced);
  for (size_t f = 0; f < kForms; ++f) {
    const std::string &a = *consumedForms[f], &b = *producedForms[f];
    if (f > 0 && a == *consumedForms[f - 1] && b == *producedForms[f - 1])
      continue; // the same pair as the form before
    size_t allowed = std::min(allowedEdits(std::min(a.size(), b.size())), best - 1);
    // More edits than allowed are needed when the lengths differ by more, or (for the
    // folded words, whose letters are counted) the letters do: no need to count them.
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > allowed ||
        (&a == &consumed.words && lettersApart(consumed, produced) > allowed))
      continue;
    size_t distance = editDistance(a, b, allowed);
    if (distance > 0 && distance <= allowed)
      best = distance;
  }
  if (best == SIZE_MAX)
    return std::nullopt;
  return best == 1 ? std::string("1 edit apart") : std::to_string(best) + " edits apart";
}

} // namespace

std::optional<std::string> nearMiss(const std::string &consumed, const std::string &produced) {
  return nearMissOf(formsOf(consumed), formsOf(produced));
}

std::vector<std::string> channelNameForms(const std::string &name) {
  NameForms forms = formsOf(name);
  std::vector<std::string> out;
  for (const std::string *form : comparedForms(forms))
    out.push_back(*form);
  return out;
}

namespace {

// The produced channels indexed so that each unproduced one is compared with the few that
// can be near-misses, not with all of them: every compared form of every produced channel in
// one trie, searched for each form of the unproduced channel with its own edit bound by the
// edit-distance recurrence run down the trie (each shared prefix computed once), banded to
// the cells within the bound and cut where a row exceeds it. A form of a produced channel
// equal to, or within the bound of, the unproduced channel's form of any kind makes it a
// candidate, which nearMissOf then judges; every near-miss is among the candidates, as a
// near-miss is equal or within allowedEdits(the shorter's length) <= allowedEdits(the
// searched form's length) in one form. Names built from a few common words share their
// pieces (which is what an index of pieces looked up); they do not share their spelling.
class ProducedIndex {
public:
  explicit ProducedIndex(std::vector<NameForms> produced) : produced_(std::move(produced)) {
    nodes_.push_back({});
    std::vector<std::pair<uint32_t, uint32_t>> ends; // (node, produced id)
    for (uint32_t id = 0; id < produced_.size(); ++id)
      for (const std::string *form : distinctForms(produced_[id])) {
        uint32_t at = 0;
        for (char c : *form)
          at = child(at, c);
        ends.push_back({at, id});
      }
    std::sort(ends.begin(), ends.end());
    ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
    for (auto [node, id] : ends) {
      if (nodes_[node].idsBegin == nodes_[node].idsEnd)
        nodes_[node].idsBegin = nodes_[node].idsEnd = static_cast<uint32_t>(ids_.size());
      ids_.push_back(id);
      ++nodes_[node].idsEnd;
    }
  }

  // Every produced channel that may be a near-miss of `c`, in sorted order, each once.
  std::vector<uint32_t> candidates(const NameForms &c) const {
    std::vector<uint32_t> found;
    for (const std::string *form : distinctForms(c))
      search(*form, allowedEdits(form->size()), found);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
  }

  const NameForms &operator[](uint32_t id) const { return produced_[id]; }

private:
  struct Node {
    uint32_t firstChild = 0, nextSibling = 0; // 0: none (the root is nobody's child)
    char c = 0;
    uint32_t idsBegin = 0, idsEnd = 0; // the produced channels with a form ending here, in ids_
  };
  struct Visit {
    uint32_t node;
    uint32_t depth;
    char parentChar;
  };

  uint32_t child(uint32_t parent, char c) {
    uint32_t *link = &nodes_[parent].firstChild;
    while (*link && nodes_[*link].c != c)
      link = &nodes_[*link].nextSibling;
    if (*link)
      return *link;
    uint32_t made = static_cast<uint32_t>(nodes_.size());
    *link = made; // (before push_back: `link` points into nodes_)
    nodes_.push_back({});
    nodes_.back().c = c;
    return made;
  }

  // The optimal-string-alignment distance of editDistance (a transposition is one edit) from
  // `query` to each trie string, by rows: row d holds the distances from the trie prefix of
  // length d to every prefix of `query`. Only cells within `limit` of the diagonal can be
  // within `limit`; the cell either side of that band is set above it.
  void search(const std::string &query, size_t limit, std::vector<uint32_t> &found) const {
    const size_t m = query.size();
    const uint8_t over = static_cast<uint8_t>(limit + 1);
    rows_.assign((m + limit + 2) * (m + 2), over);
    auto row = [&](size_t depth) { return &rows_[depth * (m + 2)]; };
    for (size_t i = 0; i <= std::min(m, limit); ++i)
      row(0)[i] = static_cast<uint8_t>(i);
    std::vector<Visit> &stack = stack_; // depth first: row d - 1 is the parent's, d - 2 its parent's
    stack.clear();
    for (uint32_t k = nodes_[0].firstChild; k; k = nodes_[k].nextSibling)
      stack.push_back({k, 1, 0});
    while (!stack.empty()) {
      Visit v = stack.back();
      stack.pop_back();
      const size_t d = v.depth;
      if (d > m + limit)
        continue;
      const char c = nodes_[v.node].c;
      const uint8_t *up = row(d - 1), *upUp = d >= 2 ? row(d - 2) : nullptr;
      uint8_t *now = row(d);
      size_t lo = d > limit ? d - limit : 0, hi = std::min(m, d + limit);
      if (lo > m)
        continue;
      if (lo > 0)
        now[lo - 1] = over;
      uint8_t best = over;
      for (size_t i = lo; i <= hi; ++i) {
        uint8_t cell;
        if (i == 0) {
          cell = static_cast<uint8_t>(std::min<size_t>(d, over));
        } else {
          cell = std::min<uint8_t>(up[i] + 1, now[i - 1] + 1);
          cell = std::min<uint8_t>(cell, up[i - 1] + (query[i - 1] == c ? 0 : 1));
          if (upUp && i >= 2 && query[i - 1] == v.parentChar && query[i - 2] == c)
            cell = std::min<uint8_t>(cell, upUp[i - 2] + 1);
        }
        now[i] = std::min(cell, over);
        best = std::min(best, now[i]);
      }
      if (hi + 1 <= m)
        now[hi + 1] = over;
      if (best > limit)
        continue; // every longer string is further still
      const Node &node = nodes_[v.node];
      if (hi == m && now[m] <= limit)
        found.insert(found.end(), ids_.begin() + node.idsBegin, ids_.begin() + node.idsEnd);
      for (uint32_t k = node.firstChild; k; k = nodes_[k].nextSibling)
        stack.push_back({k, v.depth + 1, c});
    }
  }

  std::vector<NameForms> produced_; // in sorted order of their names
  std::vector<Node> nodes_;         // nodes_[0]: the root
  std::vector<uint32_t> ids_;
  mutable std::vector<uint8_t> rows_; // scratch of search()
  mutable std::vector<Visit> stack_;
};

} // namespace

struct NearMissIndex::Buckets {
  std::vector<std::string> names;
  // Near-misses never differ in their digits: an index per digits, built when a name with
  // those digits is first looked up, over the names with the same (their positions in `names`).
  std::map<std::string, std::vector<uint32_t>> byDigits;
  std::map<std::string, std::pair<ProducedIndex, std::vector<uint32_t>>> indexes;
};

NearMissIndex::NearMissIndex(std::vector<std::string> names) : buckets_(std::make_unique<Buckets>()) {
  buckets_->names = std::move(names);
  for (uint32_t i = 0; i < buckets_->names.size(); ++i)
    buckets_->byDigits[digitsOf(buckets_->names[i])].push_back(i);
}

NearMissIndex::~NearMissIndex() = default;

std::vector<std::pair<size_t, std::string>> NearMissIndex::nearMisses(const std::string &name) const {
  std::vector<std::pair<size_t, std::string>> out;
  NameForms forms = formsOf(name);
  auto bucket = buckets_->byDigits.find(forms.digits);
  if (bucket == buckets_->byDigits.end())
    return out;
  auto indexed = buckets_->indexes.find(forms.digits);
  if (indexed == buckets_->indexes.end()) {
    std::vector<NameForms> named;
    for (uint32_t i : bucket->second)
      named.push_back(formsOf(buckets_->names[i]));
    indexed = buckets_->indexes.emplace(forms.digits, std::make_pair(ProducedIndex(std::move(named)), bucket->second))
                  .first;
  }
  const auto &[index, positions] = indexed->second;
  for (uint32_t id : index.candidates(forms)) // in the order of `positions`, which is the names' order
    if (std::optional<std::string> how = nearMissOf(forms, index[id]))
      out.emplace_back(positions[id], std::move(*how));
  return out;
}

const std::string &NearMissIndex::name(size_t i) const { return buckets_->names[i]; }

std::map<std::string, ChannelNearMiss> findChannelNearMisses(const EventGraph &graph) {
  std::map<std::string, ChannelNearMiss> result;
  std::vector<const std::string *> unproduced;
  for (const auto &[address, channel] : graph.channels())
    if (!channel.consumers.empty() && !graph.isProduced(address) && channelKind(graph, channel) == ChannelKind::Topic)
      unproduced.push_back(&address); // (a service nobody calls is no typo: unserved-call looks the other way)
  if (unproduced.empty())
    return result; // the usual case: no index to build
  std::vector<std::string> produced;
  for (const auto &[address, channel] : graph.channels())
    if (!channel.producers.empty() && channelKind(graph, channel) == ChannelKind::Topic)
      produced.push_back(address);
  NearMissIndex index(std::move(produced));
  for (const std::string *address : unproduced) {
    std::optional<ChannelNearMiss> best;
    size_t bestDistance = SIZE_MAX;
    for (auto &[i, how] : index.nearMisses(*address)) {
      // Prefer the candidate closest in raw spelling; names are visited in sorted order.
      size_t distance = editDistance(*address, index.name(i));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = ChannelNearMiss{index.name(i), std::move(how)};
      }
    }
    if (best)
      result.emplace(*address, std::move(*best));
  }
  return result;
}

} // namespace eventscope
