#include "render/markdown_docs.h"
#include "model/observed.h"

#include "model/contracts.h"
#include "model/location.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

namespace eventscope {
namespace {

// Markdown table cells and link texts: pipes and brackets escaped, newlines folded.
std::string cell(const std::string &text) {
  std::string out;
  for (char c : text) {
    if (c == '|' || c == '[' || c == ']' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>')
      out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string sourceLink(const Location &location, const std::string &rootFromPages) {
  if (location.empty())
    return "";
  std::string text = formatLocation(location);
  // A trace file's line is a batch of spans: the pointer says which (as the text report does).
  if (!location.pointer.empty() && (location.line == 0 || location.column == 0))
    text += "#" + location.pointer;
  std::string target = rootFromPages + location.file;
  if (location.line > 0)
    target += "#L" + std::to_string(location.line);
  return "[" + cell(text) + "](" + target + ")";
}

std::string serviceLink(const std::string &name, const std::string &fromDir) {
  return "[" + cell(name) + "](" + fromDir + "services/" + docsFileName(name) + ")";
}
// The services with a `role` endpoint on the channel or on a channel linked to it.
std::set<std::string> servicesThrough(const EventGraph &graph, const Channel &channel, Role role) {
  std::set<std::string> services;
  for (const Channel *c : graph.withLinked(channel))
    for (size_t i : role == Role::Produce ? c->producers : c->consumers)
      services.insert(graph.endpoints()[i].service);
  return services;
}

std::string channelLink(const std::string &address, const std::string &fromDir) {
  return "[" + cell(address) + "](" + fromDir + "channels/" + docsFileName(address) + ")";
}

// With traces: who produced and consumed the channel when the traces were taken, with
// message counts, consumer groups, the share of the produced messages each consumer reached,
// and an example trace to open in a tracing UI.
void observedSection(std::ostringstream &page, const ObservedGraph &observed, const std::string &address) {
  page << "\n## Observed (traces)\n\n";
  bool any = false;
  for (const ObservedEndpoint &e : observed.endpoints) {
    if (!sameObservedChannel(address, e.channel))
      continue;
    if (!any)
      page << "| service | role | consumer group | messages | reached | example trace |\n|---|---|---|---|---|---|\n";
    any = true;
    std::string reached;
    for (const ObservedDelivery &d : observed.deliveries)
      if (d.service == e.service && d.group == e.group && sameObservedChannel(d.channel, e.channel) &&
          e.role == Role::Consume)
        reached = std::to_string(d.reached) + " of " + std::to_string(d.produced);
    page << "| " << serviceLink(e.service, "../") << " | " << roleName(e.role) << " | " << cell(e.group) << " | "
         << e.messages << " | " << reached << " | `" << e.example.traceId << "` |\n";
  }
  if (!any)
    page << "Not seen in the traces.\n";
}

// The channels the traces show that no channel of the code or contracts matches, sorted.
std::vector<std::string> observedOnlyChannels(const EventGraph &graph) {
  std::set<std::string> only;
  if (const ObservedGraph *observed = graph.observed())
    for (const ObservedEndpoint &e : observed->endpoints) {
      bool known = false;
      for (const auto &[address, channel] : graph.channels())
        known = known || sameObservedChannel(address, e.channel);
      if (!known)
        only.insert(e.channel);
    }
  return {only.begin(), only.end()};
}

void findingList(std::ostringstream &out, const std::vector<const Finding *> &findings, const std::string &root) {
  if (findings.empty()) {
    out << "None.\n";
    return;
  }
  for (const Finding *f : findings)
    out << "- **" << severityName(f->severity) << "** `" << f->rule << "` " << cell(f->message) << " ("
        << sourceLink(f->location, root) << ")\n";
}

} // namespace

std::string docsFileName(const std::string &name) {
  std::string safe;
  bool changed = false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
              c == '_';
    safe += ok ? c : '_';
    changed = changed || !ok;
  }
  if (safe.empty() || safe[0] == '.')
    safe = "_" + safe, changed = true;
  if (changed) { // `a/b` and `a_b` must not share a page
    std::uint32_t hash = 2166136261u;
    for (unsigned char c : name)
      hash = (hash ^ c) * 16777619u;
    char suffix[10];
    std::snprintf(suffix, sizeof suffix, "-%08x", hash);
    safe += suffix;
  }
  return safe + ".md";
}

std::map<std::string, std::string> renderMarkdownDocs(const EventGraph &graph, const std::vector<Finding> &findings,
                                                      const DocsOptions &options) {
  std::map<std::string, std::string> pages;
  const std::string &root = options.rootFromPages;
  std::string rootFromIndex = root.size() >= 3 ? root.substr(3) : root; // one level up less

  // index.md
  std::ostringstream index;
  index << "# Event catalog\n\n"
        << graph.services().size() << " services, " << graph.channels().size() << " channels, " << findings.size()
        << " findings. Generated by eventscope from the code and contracts; do not edit.\n\n";
  if (options.hasExplorer)
    index << "Explore the graph interactively (focus, paths, search): [index.html](index.html), offline in any "
             "browser.\n\n";
  if (options.hasSvg)
    index << "![system](system.svg)\n\n";
  index << "```mermaid\n" << options.mermaid << "```\n\n## Services\n\n";
  for (const auto &[name, service] : graph.services())
    index << "- " << serviceLink(name, "") << "\n";
  // Producers and consumers as the rules count them: of the channel and of every channel
  // linked to it through a parameter or a wildcard.
  index << "\n## Channels\n\n| channel | producers | consumers | linked channels |\n|---|---|---|---|\n";
  for (const auto &[address, channel] : graph.channels()) {
    std::set<std::string> producers = servicesThrough(graph, channel, Role::Produce);
    std::set<std::string> consumers = servicesThrough(graph, channel, Role::Consume);
    index << "| " << channelLink(address, "") << " | " << producers.size() << " | " << consumers.size() << " | "
          << channel.linked.size() << " |\n";
  }
  if (std::vector<std::string> only = observedOnlyChannels(graph); !only.empty()) {
    index << "\nOnly in the traces:";
    for (size_t i = 0; i < only.size(); ++i)
      index << (i ? ", " : " ") << channelLink(only[i], "");
    index << "\n";
  }
  index << "\n## Findings\n\n";
  std::vector<const Finding *> all;
  for (const Finding &f : findings)
    all.push_back(&f);
  findingList(index, all, rootFromIndex);
  pages["index.md"] = index.str();

  // services/<name>.md
  for (const auto &[name, service] : graph.services()) {
    std::ostringstream page;
    page << "# Service " << cell(name) << "\n\n[Index](../index.md)\n\n## Produces\n\n";
    page << "| channel | where | function |\n|---|---|---|\n";
    for (const Endpoint &e : graph.endpoints())
      if (e.service == name && e.role == Role::Produce)
        page << "| " << channelLink(e.channel, "../") << " | " << sourceLink(e.location, root) << " | "
             << cell(e.function) << " |\n";
    page << "\n## Consumes\n\n| channel | where | handler |\n|---|---|---|\n";
    for (const Endpoint &e : graph.endpoints())
      if (e.service == name && e.role == Role::Consume)
        page << "| " << channelLink(e.channel, "../") << " | " << sourceLink(e.location, root) << " | "
             << cell(e.handler) << " |\n";
    page << "\n## Triggers\n\n";
    bool any = false;
    for (const Trigger &t : graph.triggers())
      if (t.service == name) {
        std::string via;
        for (const std::string &v : t.via)
          via += (via.empty() ? "" : " → ") + v;
        page << "- " << channelLink(t.from, "../") << " → " << channelLink(t.to, "../")
             << (via.empty() ? "" : " via " + cell(via)) << " (" << sourceLink(t.location, root) << ")\n";
        any = true;
      }
    if (!any)
      page << "None.\n";
    page << "\n## Contracts\n\n";
    any = false;
    for (const ContractDocument &contract : graph.contracts())
      if (contract.service == name) {
        page << "- " << sourceLink(contract.location.empty() ? Location{contract.file, 0, 0, ""} : contract.location, root)
             << " (AsyncAPI " << cell(contract.version) << ")\n";
        any = true;
      }
    if (!any)
      page << "None.\n";
    page << "\n## Findings\n\n";
    std::vector<const Finding *> own;
    for (const Finding &f : findings)
      if (f.service == name)
        own.push_back(&f);
    findingList(page, own, root);
    pages["services/" + docsFileName(name)] = page.str();
  }

  // channels/<address>.md
  for (const auto &[address, channel] : graph.channels()) {
    std::ostringstream page;
    page << "# Channel " << cell(address) << "\n\n[Index](../index.md)\n\n";
    std::set<std::string> consumers = servicesThrough(graph, channel, Role::Consume);
    page << "Fan-out: " << consumers.size() << " consuming service(s)"
         << (channel.linked.empty() ? "" : ", with the linked channels") << ".\n\n## Producers\n\n";
    page << "| service | where |\n|---|---|\n";
    // A ROS name as the code writes it, and the launch file's node, beside the place.
    auto where = [&](const Endpoint &e) {
      std::string text = sourceLink(e.location, root);
      if (!e.nameInCode.empty())
        text += " (" + cell(e.nameInCode) + " in the code)";
      if (!e.launchedAt.empty())
        text += ", launched by " + sourceLink(e.launchedAt, root);
      return text;
    };
    for (size_t i : channel.producers) {
      const Endpoint &e = graph.endpoints()[i];
      page << "| " << serviceLink(e.service, "../") << " | " << where(e) << " |\n";
    }
    page << "\n## Consumers\n\n| service | where | handler |\n|---|---|---|\n";
    for (size_t i : channel.consumers) {
      const Endpoint &e = graph.endpoints()[i];
      page << "| " << serviceLink(e.service, "../") << " | " << where(e) << " | " << cell(e.handler) << " |\n";
    }
    if (!channel.linked.empty()) {
      page << "\nAlso delivered through: ";
      for (size_t i = 0; i < channel.linked.size(); ++i)
        page << (i ? ", " : "") << channelLink(channel.linked[i], "../");
      page << "\n";
    }
    page << "\n## Messages (contracts)\n\n";
    bool any = false;
    for (const ContractDocument &contract : graph.contracts())
      for (const ContractChannel &declared : contract.channels)
        if (declared.address == address)
          for (size_t m : declared.messages) {
            const ContractMessage &message = contract.messages[m];
            page << "- " << cell(message.name) << " (" << sourceLink(message.location, root) << ")";
            if (!message.fieldNames.empty()) {
              page << ": ";
              for (size_t i = 0; i < message.fieldNames.size(); ++i)
                page << (i ? ", " : "") << "`" << message.fieldNames[i] << "`";
            }
            page << "\n";
            any = true;
          }
    if (!any)
      page << "None declared.\n";
    if (const ObservedGraph *observed = graph.observed())
      observedSection(page, *observed, address);
    page << "\n## Chains and findings through it\n\n";
    std::vector<const Finding *> through;
    for (const Finding &f : findings)
      for (const std::string &c : f.channels)
        if (c == address) {
          through.push_back(&f);
          break;
        }
    findingList(page, through, root);
    pages["channels/" + docsFileName(address)] = page.str();
  }
  // With traces: a page for each channel only they show, for the finding to lead to.
  for (const std::string &address : observedOnlyChannels(graph)) {
    std::ostringstream page;
    page << "# Channel " << cell(address) << "\n\n[Index](../index.md)\n\n"
         << "Only the traces show this channel: neither the code nor a contract names it.\n";
    observedSection(page, *graph.observed(), address);
    page << "\n## Findings through it\n\n";
    std::vector<const Finding *> through;
    for (const Finding &f : findings)
      if (std::find(f.channels.begin(), f.channels.end(), address) != f.channels.end())
        through.push_back(&f);
    findingList(page, through, root);
    pages["channels/" + docsFileName(address)] = page.str();
  }
  return pages;
}

} // namespace eventscope
