#include "rules/channel_typo.h"

#include "model/text_distance.h"

#include <algorithm>
#include <cctype>

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

std::string digitsOf(const std::string &name) {
  std::string digits;
  for (size_t i = 0; i < name.size(); ++i)
    if (isDigit(name[i]))
      digits += name[i];
    else if (!digits.empty() && digits.back() != ' ')
      digits += ' ';
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

std::optional<std::string> nearMiss(const std::string &consumed, const std::string &produced) {
  if (consumed == produced)
    return std::nullopt;
  // v1/v2, partition-3/partition-4: different numbers are different channels.
  if (digitsOf(consumed) != digitsOf(produced))
    return std::nullopt;
  if (lower(consumed) == lower(produced))
    return "differs only in case";
  if (lower(withoutSeparators(consumed)) == lower(withoutSeparators(produced)))
    return "differs only in separators";
  if (joined(splitWords(consumed, true, false)) == joined(splitWords(produced, true, false)))
    return "differs only in singular/plural";
  if (joined(splitWords(consumed, false, true)) == joined(splitWords(produced, false, true)))
    return "differs only in British/American spelling";
  std::string a = joined(channelNameWords(consumed)), b = joined(channelNameWords(produced));
  if (a == b)
    return "differs only in plural and British/American spelling";
  size_t allowed = allowedEdits(std::min(a.size(), b.size()));
  size_t distance = editDistance(a, b, allowed);
  if (distance == 0 || distance > allowed)
    return std::nullopt;
  return distance == 1 ? std::string("1 edit apart") : std::to_string(distance) + " edits apart";
}

std::map<std::string, ChannelNearMiss> findChannelNearMisses(const EventGraph &graph) {
  std::vector<const std::string *> produced;
  for (const auto &[address, channel] : graph.channels())
    if (!channel.producers.empty())
      produced.push_back(&address);
  std::map<std::string, ChannelNearMiss> result;
  for (const auto &[address, channel] : graph.channels()) {
    if (channel.consumers.empty() || graph.isProduced(address))
      continue;
    std::optional<ChannelNearMiss> best;
    size_t bestDistance = SIZE_MAX;
    for (const std::string *candidate : produced) {
      std::optional<std::string> how = nearMiss(address, *candidate);
      if (!how)
        continue;
      // Prefer the candidate closest in raw spelling; names are visited in sorted order.
      size_t distance = editDistance(address, *candidate);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = ChannelNearMiss{*candidate, *how};
      }
    }
    if (best)
      result.emplace(address, *best);
  }
  return result;
}

} // namespace eventscope
