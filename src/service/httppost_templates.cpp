#include "service/httppost_templates.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "sinks/go_template.hpp"

namespace farad::service {

std::string httppost_row_template_text(const HttppostConfig& post) {
  if (!post.row_template.empty() || post.row_template_file.empty()) return post.row_template;
  std::ifstream in(post.row_template_file, std::ios::binary);
  if (!in) {
    throw std::runtime_error("failed to read template file \"" + post.row_template_file + "\"");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool httppost_url_is_template(const HttppostConfig& post) {
  return post.url.find("{{") != std::string::npos;
}

std::vector<std::pair<std::string, std::string>> httppost_template_problems(
    const HttppostConfig& post) {
  std::vector<std::pair<std::string, std::string>> problems;
  try {
    sinks::GoTemplate url(post.url, sinks::kapacitor_json_functions());
  } catch (const sinks::GoTemplateError& e) {
    problems.emplace_back("url", std::string("invalid URL template: ") + e.what());
  }
  if (!post.row_template.empty() && !post.row_template_file.empty()) {
    problems.emplace_back("row-template-file",
                          "must specify only one of row-template and row-template-file");
    return problems;
  }
  const std::string key = post.row_template.empty() ? "row-template-file" : "row-template";
  if (!post.row_template_file.empty() &&
      !std::filesystem::path(post.row_template_file).is_absolute()) {
    problems.emplace_back(key, "must use an absolute path for row-template-file");
    return problems;
  }
  try {
    const std::string text = httppost_row_template_text(post);
    if (!text.empty()) sinks::GoTemplate row(text, sinks::kapacitor_json_functions());
  } catch (const sinks::GoTemplateError& e) {
    problems.emplace_back(key, std::string("invalid template: ") + e.what());
  } catch (const std::runtime_error& e) {
    problems.emplace_back(key, e.what());
  }
  return problems;
}

}  // namespace farad::service
