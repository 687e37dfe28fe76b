#include "render/reports.h"

namespace eventscope {
namespace {

const char *kBold = "\033[1m", *kReset = "\033[0m";

const char *severityColor(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "\033[1;31m";
  case Severity::Warning:
    return "\033[1;35m";
  default:
    return "\033[1;36m";
  }
}

void writeLine(std::ostream &out, const Location &location, const char *label, const char *labelColor,
               const std::string &message, const std::string &rule, bool color) {
  std::string where = formatLocation(location);
  // A contract's line says where; a trace file's line holds a whole batch of spans (JSON
  // lines), so there the pointer says which (no column: the line alone is not exact).
  if (!location.pointer.empty() && (location.line == 0 || location.column == 0))
    where += "#" + location.pointer;
  if (color)
    out << kBold << where << ":" << kReset << " " << labelColor << label << ":" << kReset << " " << kBold
        << message << kReset;
  else
    out << where << ": " << label << ": " << message;
  if (!rule.empty())
    out << " [" << rule << "]";
  out << "\n";
}

} // namespace

void writeTextReport(std::ostream &out, const std::vector<Finding> &findings, const ReportContext &context) {
  for (const Finding &f : findings) {
    std::string label(severityName(f.severity));
    writeLine(out, f.location, label.c_str(), severityColor(f.severity), f.message, f.rule, context.color);
    for (const Note &note : f.notes)
      writeLine(out, note.location, "note", "\033[1;30m", note.message, "", context.color);
  }
}

} // namespace eventscope
