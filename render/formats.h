// The output formats, by name: one table each that the CLI (its `--format` choices and
// help), the docs and the tests read, so that the list is never copied. Adding a format is
// its file in render/ plus one line in report_formats.def or diagram_formats.def
// (CONTRIBUTING.md).
#pragma once

#include "render/diagrams.h"
#include "render/reports.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace eventscope {

using FindingsWriter = void (*)(std::ostream &out, const std::vector<Finding> &findings, const ReportContext &context);

// A format of `check --format`.
struct ReportFormat {
  std::string name;
  std::string summary;
  FindingsWriter write = nullptr;
};

// Returns false with `error` set when the format's engine refuses the diagram.
using DiagramWriter = bool (*)(const DiagramInput &input, std::string &out, std::string &error);

// A format of `graph --format`.
struct DiagramFormat {
  std::string name;
  std::string summary;
  bool binary = false; // never written to a terminal
  DiagramWriter write = nullptr;
};

// In the order of their .def files; the first is the default.
const std::vector<ReportFormat> &reportFormats();
const std::vector<DiagramFormat> &diagramFormats();
// nullptr when no format has that name.
const ReportFormat *findReportFormat(std::string_view name);
const DiagramFormat *findDiagramFormat(std::string_view name);

// The names, in table order (for `--format`'s choices).
std::vector<std::string> reportFormatNames();
std::vector<std::string> diagramFormatNames();

} // namespace eventscope
