#pragma once
// The table of configuration keys: for every section and key its TOML name, the member it sets
// and a one-line documentation. Loading, printing and validation all walk this table, so a key
// added here is read, printed and documented at once.

#include <span>
#include <string_view>
#include <variant>

#include "service/config.hpp"

namespace farad::service {

/// The member of a section struct that a key sets; the member's type decides the TOML form.
template <class Section>
using SettingMember = std::variant<std::string Section::*, std::vector<std::string> Section::*,
                                   int64_t Section::*, bool Section::*, Duration Section::*,
                                   ByteSize Section::*, FsyncMode Section::*, LogLevel Section::*,
                                   StringTable Section::*>;

template <class Section>
struct Setting {
  std::string_view key;  ///< kebab-case, as kapacitor.conf writes keys
  SettingMember<Section> member;
  std::string_view doc;  ///< what the option does, one line; the default is added when printed
};

template <class Section>
struct SectionSchema {
  std::string_view name;  ///< the table's name: [http], [[elasticsearch]]
  std::string_view doc;
  std::span<const Setting<Section>> settings;
};

const SectionSchema<HttpConfig>& http_schema();
const SectionSchema<StorageConfig>& storage_schema();
const SectionSchema<WalConfig>& wal_schema();
const SectionSchema<CheckpointConfig>& checkpoint_schema();
const SectionSchema<BatchConfig>& batch_schema();
const SectionSchema<LoggingConfig>& logging_schema();
const SectionSchema<ElasticsearchConfig>& elasticsearch_schema();
const SectionSchema<InfluxdbConfig>& influxdb_schema();
const SectionSchema<HttppostConfig>& httppost_schema();

/// Calls visit(schema, member of Config) for every section in the order they are printed. The
/// member is a `Section Config::*` for a [table] and a `std::vector<Section> Config::*` for an
/// [[array of tables]].
template <class Visitor>
void for_each_section(Visitor&& visit) {
  visit(http_schema(), &Config::http);
  visit(storage_schema(), &Config::storage);
  visit(wal_schema(), &Config::wal);
  visit(checkpoint_schema(), &Config::checkpoint);
  visit(batch_schema(), &Config::batch);
  visit(logging_schema(), &Config::logging);
  visit(elasticsearch_schema(), &Config::elasticsearch);
  visit(influxdb_schema(), &Config::influxdb);
  visit(httppost_schema(), &Config::httppost);
}

/// The names of every section, for "did you mean".
std::vector<std::string_view> section_names();

}  // namespace farad::service
