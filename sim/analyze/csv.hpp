// CSV tables as the sweep writes them (RFC 4180: comma-separated, fields with
// commas, quotes or newlines in double quotes, "" for a quote inside), read
// back with the line and column of every field, so an error can say where.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "core/csv_text.hpp"

namespace zhili::analyze {

// "file:line:column: error: what" (the form of scenario and sweep errors).
class CsvError : public std::runtime_error {
 public:
  CsvError(const std::string& file, int line, int column, const std::string& what);
  std::string file;
  int line, column;
};

struct CsvField {
  std::string text;
  int column = 1;  // 1-based character column where the field starts
};

struct CsvRow {
  std::vector<CsvField> fields;
  int line = 0;  // 1-based line the row starts on
};

struct CsvTable {
  std::string file;             // for messages
  std::vector<std::string> header;
  std::vector<CsvRow> rows;     // every row has header.size() fields
  int column_index(const std::string& name) const;  // -1 when absent
};

// Parses `text`; `file` names it in errors. Throws CsvError for an empty text,
// an unterminated quote, or a row whose field count differs from the header's.
CsvTable parse_csv(const std::string& text, const std::string& file);
// Reads and parses a file; a missing or unreadable file is a CsvError at line 0.
CsvTable read_csv(const std::string& path);

// Writing fields and numbers: csv_field and csv_number (core/csv_text.hpp).

}  // namespace zhili::analyze
