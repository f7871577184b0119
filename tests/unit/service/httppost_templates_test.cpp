#include "service/httppost_templates.hpp"

#include <unistd.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

using farad::service::ConfigError;
using farad::service::httppost_row_template_text;
using farad::service::HttppostConfig;
using farad::service::load_config_text;
using farad::service::validate;

namespace {

std::string errors_of(const std::string& endpoint_settings) {
  const std::string text = "[[httppost]]\nendpoint = \"e\"\n" + endpoint_settings;
  try {
    validate(load_config_text(text, "f.toml"));
    return "valid";
  } catch (const ConfigError& e) {
    return e.what();
  }
}

}  // namespace

TEST_CASE("httppost templates: the url and row template are parsed when the config is checked") {
  const std::pair<std::string, std::string> table[] = {
      {"url = \"http://x/{{.Name}}/{{index .Tags \\\"host\\\"}}\"\n", "valid"},
      {"url = \"http://x\"\nrow-template = '{{.Name}} {{range .Values}}{{json .}}{{end}}'\n",
       "valid"},
      {"url = \"http://x/{{.Name\"\n",
       "httppost[0].url: invalid URL template: template: body:1:9: unclosed action"},
      {"url = \"http://x\"\nrow-template = '{{.Name | nothing}}'\n",
       "httppost[0].row-template: invalid template: template: body:1:10: function \"nothing\" "
       "not defined"},
      {"url = \"http://x\"\nrow-template = '{{if .Name}}'\n",
       "httppost[0].row-template: invalid template: template: body:1:12: unexpected EOF"},
      {"url = \"http://x\"\nrow-template = 'a'\nrow-template-file = '/t'\n",
       "httppost[0].row-template-file: must specify only one of row-template and "
       "row-template-file"},
      {"url = \"http://x\"\nrow-template-file = 'relative.tmpl'\n",
       "httppost[0].row-template-file: must use an absolute path for row-template-file"},
      {"url = \"http://x\"\nrow-template-file = '/nonexistent/row.tmpl'\n",
       "httppost[0].row-template-file: failed to read template file \"/nonexistent/row.tmpl\""},
  };
  for (const auto& [settings, expected] : table) {
    INFO(settings);
    if (expected == "valid") {
      CHECK(errors_of(settings) == "valid");
    } else {
      CHECK_THAT(errors_of(settings), Catch::Contains(expected));
    }
  }
}

TEST_CASE("httppost templates: a row-template-file is read, and checked, at load") {
  const auto path = std::filesystem::temp_directory_path() /
                    ("farad-row-template-" + std::to_string(::getpid()) + ".tmpl");
  { std::ofstream(path) << "{{.Name}}\n"; }
  HttppostConfig post;
  post.row_template_file = path.string();
  CHECK(httppost_row_template_text(post) == "{{.Name}}\n");
  CHECK(errors_of("url = \"http://x\"\nrow-template-file = '" + path.string() + "'\n") == "valid");
  { std::ofstream(path) << "line 1\n{{.Name | nothing}}"; }
  CHECK_THAT(errors_of("url = \"http://x\"\nrow-template-file = '" + path.string() + "'\n"),
             Catch::Contains("httppost[0].row-template-file: invalid template: template: "
                             "body:2:10: function \"nothing\" not defined"));
  std::filesystem::remove(path);
}
