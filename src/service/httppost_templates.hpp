#pragma once
// The Go templates of a [[httppost]] endpoint, as Kapacitor's services/httppost/config.go
// checks them: `url` (always a template, run with the posted row), `row-template` or
// `row-template-file` (the body of httpPost's posts). Parsed at load so that a bad template is
// a configuration error with its position.

#include <string>
#include <utility>
#include <vector>

#include "service/config.hpp"

namespace farad::service {

/// The endpoint's row template text: row-template, or the content of row-template-file; empty
/// when neither is set. Throws std::runtime_error when the file cannot be read.
std::string httppost_row_template_text(const HttppostConfig& post);

/// Whether the URL has template actions (then it is checked as a URL only once executed).
bool httppost_url_is_template(const HttppostConfig& post);

/// Problems with the endpoint's templates, each as (setting key, message): a URL or row template
/// that does not parse, both row-template and row-template-file, a relative or unreadable file.
std::vector<std::pair<std::string, std::string>> httppost_template_problems(
    const HttppostConfig& post);

}  // namespace farad::service
