#include "model/channel_similarity.h"

#include "model/text_distance.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <unordered_map>

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

// British -> American, applied to both names, so only consistency matters.
std::string foldSpelling(std::string word) {
  static const std::pair<const char *, const char *> doubledL[] = {
      {"cancelled", "canceled"}, {"cancelling", "canceling"}, {"labelled", "labeled"},
      {"labelling", "labeling"}, {"travelled", "traveled"},   {"modelled", "modeled"},
      {"signalled", "signaled"}, {"fuelled", "fueled"},       {"levelled", "leveled"},
      {"colour", "color"},       {"behaviour", "behavior"},   {"centre", "center"},
      {"favourite", "favorite"}, {"catalogue", "catalog"},    {"licence", "license"},
      {"dialogue", "dialog"},    {"grey", "gray"}};
  for (auto [british, american] : doubledL)
    if (word == british)
      return american;
  // authorise/authorised/authorising/organisation -> z
  for (const char *suffix : {"ise", "ised", "ises", "ising", "isation", "isations"})
    if (word.size() > 5 && endsWith(word, suffix))
      word[word.size() - std::string(suffix).size() + 1] = 'z';
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
static std::vector<std::string> splitWords(const std::string &name, bool foldPlural, bool foldSpellings) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) {
      std::string word = lower(current);
      if (foldPlural)
        word = singular(word);
      if (foldSpellings)
        word = foldSpelling(word);
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
  std::string name, digits, lower, bare, plural, spelling, words;
  std::array<uint8_t, 32> letters{}; // of `words`, counted by the low five bits (saturating)
};

NameForms formsOf(const std::string &name) {
  NameForms forms{name,
                  digitsOf(name),
                  lower(name),
                  lower(withoutSeparators(name)),
                  joined(splitWords(name, true, false)),
                  joined(splitWords(name, false, true)),
                  joined(channelNameWords(name)),
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
constexpr size_t kForms = 5;
std::array<const std::string *, kForms> comparedForms(const NameForms &forms) {
  return {&forms.lower, &forms.bare, &forms.plural, &forms.spelling, &forms.words};
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
// can be near-misses, not with all of them: by each equality the checks use, and for the
// edit-distance check by pieces. Split a name into m pieces; e edits (a transposition
// across a boundary spoiling two pieces) leave at least m - 2e pieces whole, each found in
// the other name at most e characters away from where it was. So a candidate must share
// 3 of 5 pieces where one edit is allowed (names under 16 characters) and 5 of 9 where two are.
class ProducedIndex {
public:
  explicit ProducedIndex(std::vector<NameForms> produced) : produced_(std::move(produced)) {
    for (uint32_t id = 0; id < produced_.size(); ++id) {
      for (const std::string *form : distinctForms(produced_[id])) {
        const std::string &w = *form;
        equal_[w].push_back(id);
        if (w.size() < kShortest)
          continue;
        size_t pieces = piecesFor(w.size());
        for (size_t i = 0; i < pieces; ++i) {
          auto [start, length] = piece(w.size(), pieces, i);
          pieces_[key(w.size(), i, std::string_view(w).substr(start, length))].push_back(id);
        }
      }
    }
  }

  // Every produced channel that may be a near-miss of `c`, in sorted order, each once: one
  // equal in some form, or sharing enough pieces with it in some form. The pieces do not say
  // which form they came from: a piece shared across forms only adds a candidate, which
  // nearMissOf then judges.
  std::vector<uint32_t> candidates(const NameForms &c) const {
    std::vector<uint32_t> ids;
    for (const std::string *form : comparedForms(c))
      if (auto it = equal_.find(*form); it != equal_.end())
        ids.insert(ids.end(), it->second.begin(), it->second.end());
    for (const std::string *form : distinctForms(c)) {
      const std::string &w = *form;
      piecesFound_.clear(); // (candidate, its length) -> bit per whole piece
      for (size_t length = w.size() > kMaxEdits ? w.size() - kMaxEdits : 0; length <= w.size() + kMaxEdits; ++length) {
        if (length < kShortest)
          continue;
        size_t pieces = piecesFor(length);
        for (size_t i = 0; i < pieces; ++i) {
          auto [start, pieceLength] = piece(length, pieces, i);
          for (long shift = -long(kMaxEdits); shift <= long(kMaxEdits); ++shift) {
            long at = long(start) + shift;
            if (at < 0 || size_t(at) + pieceLength > w.size())
              continue;
            if (auto it = pieces_.find(key(length, i, std::string_view(w).substr(size_t(at), pieceLength)));
                it != pieces_.end())
              for (uint32_t id : it->second)
                piecesFound_[uint64_t(id) << 32 | length] |= 1u << i;
          }
        }
      }
      for (auto [idAndLength, found] : piecesFound_)
        if (size_t(std::popcount(found)) >= wholePiecesNeeded(idAndLength & 0xffffffffu))
          ids.push_back(uint32_t(idAndLength >> 32));
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
  }

  const NameForms &operator[](uint32_t id) const { return produced_[id]; }

private:
  static constexpr size_t kShortest = 5; // shorter names allow no edits
  static constexpr size_t kMaxEdits = 2;
  static size_t piecesFor(size_t length) { return length < 16 ? 5 : 9; }
  static size_t wholePiecesNeeded(size_t length) { return length < 16 ? 3 : 5; }
  static std::pair<size_t, size_t> piece(size_t length, size_t pieces, size_t i) {
    size_t start = length * i / pieces, end = length * (i + 1) / pieces;
    return {start, end - start};
  }
  // A hash, not the text: a collision only adds a candidate, which the checks then reject.
  static uint64_t key(size_t length, size_t i, std::string_view text) {
    uint64_t h = 1469598103934665603ull ^ (uint64_t(length) << 8 | i); // FNV-1a
    for (char c : text)
      h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
  }

  std::vector<NameForms> produced_; // in sorted order of their names
  std::unordered_map<std::string, std::vector<uint32_t>> equal_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> pieces_;
  mutable std::unordered_map<uint64_t, uint32_t> piecesFound_; // scratch of candidates(), kept for its buckets
};

} // namespace

std::map<std::string, ChannelNearMiss> findChannelNearMisses(const EventGraph &graph) {
  std::map<std::string, ChannelNearMiss> result;
  std::vector<const std::string *> unproduced;
  for (const auto &[address, channel] : graph.channels())
    if (!channel.consumers.empty() && !graph.isProduced(address) && channelKind(graph, channel) == ChannelKind::Topic)
      unproduced.push_back(&address); // (a service nobody calls is no typo: unserved-call looks the other way)
  if (unproduced.empty())
    return result; // the usual case: no index to build
  // Near-misses never differ in their digits: an index per digits, built only for the
  // digits of some unproduced channel, over the produced channels with the same.
  std::map<std::string, std::vector<const std::string *>> producedByDigits;
  for (const auto &[address, channel] : graph.channels())
    if (!channel.producers.empty() && channelKind(graph, channel) == ChannelKind::Topic)
      producedByDigits[digitsOf(address)].push_back(&address);
  std::map<std::string, ProducedIndex> indexByDigits;
  for (const std::string *unproducedAddress : unproduced) {
    const std::string &address = *unproducedAddress;
    NameForms consumed = formsOf(address);
    auto bucket = producedByDigits.find(consumed.digits);
    if (bucket == producedByDigits.end())
      continue;
    auto indexed = indexByDigits.find(consumed.digits);
    if (indexed == indexByDigits.end()) {
      std::vector<NameForms> produced;
      for (const std::string *name : bucket->second)
        produced.push_back(formsOf(*name));
      indexed = indexByDigits.emplace(consumed.digits, ProducedIndex(std::move(produced))).first;
    }
    const ProducedIndex &index = indexed->second;
    std::optional<ChannelNearMiss> best;
    size_t bestDistance = SIZE_MAX;
    for (uint32_t id : index.candidates(consumed)) {
      const NameForms &candidate = index[id];
      std::optional<std::string> how = nearMissOf(consumed, candidate);
      if (!how)
        continue;
      // Prefer the candidate closest in raw spelling; names are visited in sorted order.
      size_t distance = editDistance(address, candidate.name);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = ChannelNearMiss{candidate.name, *how};
      }
    }
    if (best)
      result.emplace(address, *best);
  }
  return result;
}

} // namespace eventscope
