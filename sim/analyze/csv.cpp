#include "analyze/csv.hpp"

#include <cmath>
#include <cstdio>

#include "core/read_file.hpp"

namespace zhili::analyze {

namespace {

std::string where(const std::string& file, int line, int column) {
  if (line <= 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

CsvError::CsvError(const std::string& f, int l, int c, const std::string& what)
    : std::runtime_error(where(f, l, c) + ": error: " + what), file(f), line(l), column(c) {}

int CsvTable::column_index(const std::string& name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

CsvTable parse_csv(const std::string& text, const std::string& file) {
  CsvTable t;
  t.file = file;
  std::vector<CsvRow> rows;
  CsvRow row;
  CsvField field;
  int line = 1, column = 1;
  bool quoted = false, in_field = false;
  int quote_line = 0, quote_column = 0;
  const auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field = CsvField{};
    field.column = column + 1;
  };
  row.line = 1;
  field.column = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.text += '"';
        ++i;
        column += 2;
        continue;
      }
      if (c == '"') quoted = false;
      else field.text += c;
      if (c == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
      continue;
    }
    if (c == '"' && field.text.empty() && !in_field) {
      quoted = true;
      quote_line = line;
      quote_column = column;
      in_field = true;
      ++column;
      continue;
    }
    if (c == ',') {
      end_field();
      in_field = false;
      ++column;
      continue;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // CRLF files
    if (c == '\n') {
      end_field();
      rows.push_back(std::move(row));
      row = CsvRow{};
      ++line;
      column = 1;
      row.line = line;
      field.column = 1;
      in_field = false;
      continue;
    }
    field.text += c;
    in_field = true;
    ++column;
  }
  if (quoted) throw CsvError(file, quote_line, quote_column, "quoted field not closed (missing '\"')");
  if (in_field || !row.fields.empty()) {  // a last line without newline
    end_field();
    rows.push_back(std::move(row));
  }
  if (rows.empty()) throw CsvError(file, 1, 1, "empty file (expected a header line)");
  for (auto& f : rows.front().fields) t.header.push_back(std::move(f.text));
  for (std::size_t r = 1; r < rows.size(); ++r) {
    auto& rr = rows[r];
    if (rr.fields.size() == 1 && rr.fields[0].text.empty()) continue;  // blank line
    if (rr.fields.size() != t.header.size())
      throw CsvError(file, rr.line, 1,
                     "row has " + std::to_string(rr.fields.size()) + " fields, the header " +
                         std::to_string(t.header.size()) + " (a cut or malformed row?)");
    t.rows.push_back(std::move(rr));
  }
  return t;
}

CsvTable read_csv(const std::string& path) {
  std::string text;
  if (const std::string why = read_whole_file(path, text); !why.empty())
    throw CsvError(path, 0, 0, "cannot read the file: " + why);
  return parse_csv(text, path);
}

}  // namespace zhili::analyze
