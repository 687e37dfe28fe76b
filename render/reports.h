// Reports of findings and of the graph itself. Each writes to a stream; none reads files.
#pragma once

#include "model/event_graph.h"
#include "model/finding.h"
#include "model/rule_info.h"

#include <ostream>
#include <string>
#include <vector>

namespace eventscope {

struct ContractDocument;

struct ReportContext {
  std::string toolVersion;
  std::vector<RuleInfo> rules; // every rule, for SARIF's rule table
  bool color = false;          // ANSI colours in the text report
};

// `file:line:col: error: message [rule-id]`, then its notes, compiler style.
void writeTextReport(std::ostream &out, const std::vector<Finding> &findings, const ReportContext &context);

// {"findings": [...]}: the public JSON shape documented in docs/schema/check.schema.json.
void writeJsonReport(std::ostream &out, const std::vector<Finding> &findings, const ReportContext &context);

// SARIF 2.1.0, locations relative to the %SRCROOT% base id.
void writeSarifReport(std::ostream &out, const std::vector<Finding> &findings, const ReportContext &context);

// GitLab code quality (Code Climate) issues.
void writeCodeClimateReport(std::ostream &out, const std::vector<Finding> &findings, const ReportContext &context);

// JUnit XML, one failing test case per finding.
void writeJUnitReport(std::ostream &out, const std::vector<Finding> &findings, const ReportContext &context);

// What eventscope read from AsyncAPI documents: title, version, channels, operations.
void writeContractsJson(std::ostream &out, const std::vector<ContractDocument> &contracts);

// {"services", "endpoints", "triggers", "unresolved"}: docs/schema/scan.schema.json.
void writeScanJson(std::ostream &out, const EventGraph &graph);

} // namespace eventscope
