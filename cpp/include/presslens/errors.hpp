// Errors raised by the presslens core. The Python bindings translate each class to one Python
// built-in exception in one place (cpp/bindings/module.cpp); messages name the input and position.
#pragma once
#include <stdexcept>
#include <string>

namespace presslens {

// Base of every presslens error.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The caller passed a bad value (invalid UTF-8, an out-of-range span...). -> ValueError
class InvalidInput : public Error {
 public:
  using Error::Error;
};

// A data file (lexicon, list) has a malformed line. -> ValueError, message "file:line: what"
class ParseError : public Error {
 public:
  ParseError(const std::string& file, std::size_t line, const std::string& what)
      : Error(file + ":" + std::to_string(line) + ": " + what), file_(file), line_(line) {}
  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }

 private:
  std::string file_;
  std::size_t line_;
};

// A file could not be opened or read. -> OSError
class IoError : public Error {
 public:
  using Error::Error;
};

}  // namespace presslens
