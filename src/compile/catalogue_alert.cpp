// The alert node: its properties and the handler methods that attach notification targets.
// Kapacitor: pipeline/alert.go (AlertNodeData). The handler types are in
// catalogue_alert_handlers.cpp.

#include "compile/catalogue_tables.hpp"

namespace farad::compile::catalogue_tables {
namespace {

using enum ArgType;

const Method alert_methods[] = {
    property("id", args(String), "'{{ .Name }}:{{ .Group }}'", "template for the alert id"),
    property("message", args(String), "'{{ .ID }} is {{ .Level }}'",
             "template for the one-line alert message"),
    property("details", args(String), "'{{ json . }}'",
             "HTML template for the detailed alert text"),
    property("info", args(Lambda), "", "condition for level INFO"),
    property("warn", args(Lambda), "", "condition for level WARNING"),
    property("crit", args(Lambda), "", "condition for level CRITICAL"),
    property("infoReset", args(Lambda), "", "condition for leaving level INFO"),
    property("warnReset", args(Lambda), "", "condition for leaving level WARNING"),
    property("critReset", args(Lambda), "", "condition for leaving level CRITICAL"),
    property("flapping", args(Float, Float), "",
             "suppress a flapping alert: low and high state-change ratios"),
    property("history", args(Int), "21", "states remembered for flapping and state changes"),
    property("levelTag", args(String), "''", "tag to store the alert level in"),
    property("levelField", args(String), "''", "field to store the alert level in"),
    property("messageField", args(String), "''", "field to store the alert message in"),
    property("durationField", args(String), "''", "field to store the alert duration in (ns)"),
    property("idTag", args(String), "''", "tag to store the alert id in"),
    property("idField", args(String), "''", "field to store the alert id in"),
    flag("all", "trigger on a batch only if every point matches"),
    flag("noRecoveries", "send no event when an alert recovers"),
    property("stateChangesOnly", variadic(Duration), "",
             "send only level changes, or also a repeat after the given interval"),
    property("inhibit", variadic(String, String), "",
             "hold this alert while one of a category fires with these tags equal"),
    property("category", args(String), "''", "category other alerts can inhibit on"),
    property("topic", args(String), "''", "topic the alert events are published to"),
    handler("post", variadic(String), "alert.post", "POST the alert as JSON to a URL"),
    handler("tcp", args(String), "alert.tcp", "send the alert as JSON to a TCP address"),
    handler("email", variadic(String), "alert.email", "email the alert to these addresses"),
    handler("exec", variadic(String, String), "alert.exec",
            "run a command with the alert as JSON on its stdin"),
    handler("log", args(String), "alert.log", "append the alert as JSON to a file"),
    handler("victorOps", args(), "alert.victorOps", "send the alert to VictorOps"),
    handler("pagerDuty", args(), "alert.pagerDuty", "send the alert to PagerDuty (API v1)"),
    handler("pagerDuty2", args(), "alert.pagerDuty2", "send the alert to PagerDuty (API v2)"),
    handler("pushover", args(), "alert.pushover", "send the alert to Pushover"),
    handler("sensu", args(), "alert.sensu", "send the alert to Sensu"),
    handler("slack", args(), "alert.slack", "send the alert to Slack"),
    handler("discord", args(), "alert.discord", "send the alert to Discord"),
    handler("bigPanda", args(), "alert.bigPanda", "send the alert to BigPanda"),
    handler("telegram", args(), "alert.telegram", "send the alert to Telegram"),
    handler("hipChat", args(), "alert.hipChat", "send the alert to HipChat"),
    handler("alerta", args(), "alert.alerta", "send the alert to Alerta"),
    handler("opsGenie", args(), "alert.opsGenie", "send the alert to OpsGenie (API v1)"),
    handler("opsGenie2", args(), "alert.opsGenie2", "send the alert to OpsGenie (API v2)"),
    handler("talk", args(), "alert.talk", "send the alert to Talk"),
    handler("mqtt", args(String), "alert.mqtt", "publish the alert to an MQTT topic"),
    handler("snmpTrap", args(String), "alert.snmpTrap", "send an SNMP trap with this OID"),
    handler("kafka", args(), "alert.kafka", "publish the alert to a Kafka topic"),
    handler("teams", args(), "alert.teams", "send the alert to a Microsoft Teams channel"),
    handler("serviceNow", args(), "alert.serviceNow", "send the alert to ServiceNow"),
    handler("zenoss", args(), "alert.zenoss", "send the alert to Zenoss"),
    // The `log` handler shadows chainnode's Log; ChainMethods() brings `|log()` back.
    chain("log", args(), "log", "log every point or batch in a separate log node"),
};

const ObjectType types[] = {
    {.name = "alert",
     .desc = "alert",
     .doc = "turns data into alert events by level lambdas and sends them to handlers",
     .methods = alert_methods,
     .go_type = "*pipeline.AlertNode"},
};

}  // namespace

std::span<const ObjectType> alert_types() {
  return types;
}

}  // namespace farad::compile::catalogue_tables
