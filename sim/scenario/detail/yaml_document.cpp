#include "scenario/detail/yaml_document.hpp"

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <sstream>

namespace zhili::scenario_detail {

namespace {

// Notes where a document starts and ignores its content.
class DocumentStart : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> mark;
  void OnDocumentStart(const YAML::Mark& m) override {
    if (!mark) mark = m;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

ParsedDocument parse_single_document(const std::string& text) {
  ParsedDocument out;
  out.root = YAML::Load(text);  // one HandleNextDocument call: always returns
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStart first, second;
  // The bug makes a stray ',' look like an endless run of empty documents:
  // asking for the second one only is what keeps this finite.
  if (parser.HandleNextDocument(first) && parser.HandleNextDocument(second))
    out.second = second.mark.value_or(YAML::Mark());
  return out;
}

}  // namespace zhili::scenario_detail
