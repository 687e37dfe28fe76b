#include "render/formats.h"

#include <sstream>

namespace eventscope {

// The writers of the report formats, each in its own file (declared here too, so a new
// format needs no line in reports.h).
#define ES_REPORT_FORMAT(name, writer, summary) \
  void writer(std::ostream &, const std::vector<Finding> &, const ReportContext &);
#include "render/report_formats.def"
#undef ES_REPORT_FORMAT

// The writers of the diagram formats (each in its own file; DOT and Mermaid wrap the stream
// writers declared in diagrams.h).
#define ES_DIAGRAM_FORMAT(name, writer, binary, summary) bool writer(const DiagramInput &, std::string &, std::string &);
#include "render/diagram_formats.def"
#undef ES_DIAGRAM_FORMAT

const std::vector<ReportFormat> &reportFormats() {
  static const std::vector<ReportFormat> formats = {
#define ES_REPORT_FORMAT(name, writer, summary) {name, summary, &writer},
#include "render/report_formats.def"
#undef ES_REPORT_FORMAT
  };
  return formats;
}

const std::vector<DiagramFormat> &diagramFormats() {
  static const std::vector<DiagramFormat> formats = {
#define ES_DIAGRAM_FORMAT(name, writer, binary, summary) {name, summary, binary, &writer},
#include "render/diagram_formats.def"
#undef ES_DIAGRAM_FORMAT
  };
  return formats;
}

const ReportFormat *findReportFormat(std::string_view name) {
  for (const ReportFormat &format : reportFormats())
    if (format.name == name)
      return &format;
  return nullptr;
}

const DiagramFormat *findDiagramFormat(std::string_view name) {
  for (const DiagramFormat &format : diagramFormats())
    if (format.name == name)
      return &format;
  return nullptr;
}

std::vector<std::string> reportFormatNames() {
  std::vector<std::string> names;
  for (const ReportFormat &format : reportFormats())
    names.push_back(format.name);
  return names;
}

std::vector<std::string> diagramFormatNames() {
  std::vector<std::string> names;
  for (const DiagramFormat &format : diagramFormats())
    names.push_back(format.name);
  return names;
}

} // namespace eventscope
