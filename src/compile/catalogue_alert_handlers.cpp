// Alert handler types: what `.email()`, `.slack()`, ... return. Each Go handler embeds the alert's
// data, so after a handler every alert method is still reachable (fallback "alert"); the
// handler's own names win, e.g. `.opsGenie().teams('a')` sets teams rather than adding a Teams
// handler, and `.zenoss().message('m')` sets Zenoss' message, not the alert's.
// Kapacitor: pipeline/alert.go (the *Handler types). Defaults the handler services fill in when a
// property is empty are given as the defaults.

#include "compile/catalogue_tables.hpp"

namespace farad::compile::catalogue_tables {
namespace {

using enum ArgType;

const Method post_methods[] = {
    property("endpoint", args(String), "''", "configured endpoint to post to, instead of a URL"),
    property("header", args(String, String), "", "HTTP header to send with the request"),
    flag("captureResponse", "log the response body when the status is not 2xx"),
    property("timeout", args(Duration), "0s", "request timeout; 0s waits forever"),
    flag("skipSSLVerification", "accept any TLS certificate from the server"),
};

const Method tcp_methods[] = {
    property("address", args(String), "''", "host:port to send to"),
};

const Method email_methods[] = {
    property("to", variadic(String), "", "more recipients"),
    property("toTemplates", variadic(String), "", "templates that render to more recipients"),
};

const Method log_methods[] = {
    property("mode", args(Int), "0600", "permissions of a new log file; write it in octal"),
};

const Method victor_ops_methods[] = {
    property("routingKey", args(String), "''", "routing key; empty for the configured one"),
};

const Method pager_duty_methods[] = {
    property("serviceKey", args(String), "''", "service key; empty for the configured one"),
};

const Method pager_duty2_methods[] = {
    property("routingKey", args(String), "''", "routing key; empty for the configured one"),
    property("serviceKey", args(String), "", "another name for routingKey"),
    property("link", variadic(String, String), "", "link to show with the incident, and its text"),
};

// Go's URL fields keep their capitals after the first letter: `.uRL()`, not `.url()`.
const Method pushover_methods[] = {
    property("userKey", args(String), "''", "user or group key; empty for the configured one"),
    property("device", args(String), "''", "devices to send to, comma separated"),
    property("title", args(String), "''", "message title; empty for the application name"),
    property("uRL", args(String), "''", "supplementary URL shown with the message"),
    property("uRLTitle", args(String), "''", "title for the supplementary URL"),
    property("sound", args(String), "''", "sound to play instead of the user's default"),
};

const Method sensu_methods[] = {
    property("source", args(String), "''", "event source; empty for the configured one"),
    property("handlers", variadic(String), "", "Sensu handlers; empty for the configured ones"),
    property("metadata", args(String, Any), "", "extra key and value sent with the event"),
};

const Method slack_methods[] = {
    property("workspace", args(String), "''", "configured workspace; empty for the default"),
    property("channel", args(String), "''", "channel; empty for the configured one"),
    property("username", args(String), "''", "bot user name; empty for the configured one"),
    property("iconEmoji", args(String), "''", "emoji, between colons, used as the bot's icon"),
};

const Method discord_methods[] = {
    property("workspace", args(String), "''", "configured workspace; empty for the default"),
    property("username", args(String), "''", "webhook user name; empty for the configured one"),
    property("avatarURL", args(String), "''", "webhook avatar; empty for the configured one"),
    property("embedTitle", args(String), "''", "embed title; empty for the configured one"),
};

const Method big_panda_methods[] = {
    property("appKey", args(String), "''", "application key; empty for the configured one"),
    property("host", args(String), "''", "object that caused the alert"),
    property("primaryProperty", args(String), "''", "custom primary property"),
    property("secondaryProperty", args(String), "''", "custom secondary property"),
    property("attribute", args(String, Any), "", "extra attribute sent with the alert"),
};

const Method telegram_methods[] = {
    property("chatId", args(String), "''", "user or group to post to; empty for the configured"),
    property("parseMode", args(String), "''", "'Markdown' or 'HTML'; empty for the configured"),
    flag("disableWebPagePreview", "show no preview of links in the message"),
    flag("disableNotification", "post the message silently"),
};

const Method hip_chat_methods[] = {
    property("room", args(String), "''", "room; empty for the configured one"),
    property("token", args(String), "''", "authentication token; empty for the configured one"),
};

const Method alerta_methods[] = {
    property("token", args(String), "''", "authentication token; empty for the configured one"),
    property("resource", args(String), "'{{ .Name }}'", "template for the resource"),
    property("event", args(String), "'{{ .ID }}'", "template for the event"),
    property("environment", args(String), "''", "template for the environment"),
    property("group", args(String), "'{{ .Group }}'", "template for the group"),
    property("value", args(String), "''", "template for the value"),
    property("origin", args(String), "''", "origin; empty for the configured one"),
    property("services", variadic(String), "", "affected services; default the measurement name"),
    property("correlated", variadic(String), "", "events correlated with this one"),
    property("attribute", args(String, Any), "", "extra attribute sent with the alert"),
    property("timeout", args(Duration), "24h", "how long Alerta keeps the alert open"),
};

const Method ops_genie_methods[] = {
    property("teams", variadic(String), "", "teams to alert; empty for the configured ones"),
    property("recipients", variadic(String), "", "recipients; empty for the configured ones"),
};

const Method ops_genie2_methods[] = {
    property("teams", variadic(String), "", "teams to alert; empty for the configured ones"),
    property("recipients", variadic(String), "", "recipients; empty for the configured ones"),
    property("recoveryAction", args(String), "", "what to do on recovery: 'notes' or 'close'"),
    flag("details", "send the alert details as OpsGenie details"),
};

const Method mqtt_methods[] = {
    property("brokerName", args(String), "''", "configured broker; empty for the default"),
    property("topic", args(String), "''", "topic to publish to"),
    property("qos", args(Int), "0", "delivery guarantee: 0 at most, 1 at least, 2 exactly once"),
    property("retained", args(Bool), "FALSE", "let the broker keep the message for new clients"),
};

const Method snmp_trap_methods[] = {
    property("data", args(String, String, String), "",
             "trap variable: OID, type ('c', 'i', 'n', 's' or 't') and value"),
};

const Method kafka_methods[] = {
    property("cluster", args(String), "''", "configured Kafka cluster"),
    property("kafkaTopic", args(String), "''", "topic to publish to"),
    flag("disablePartitionById", "send to the least loaded partition, not by alert id"),
    property("partitionHashAlgorithm", args(String), "'crc32'",
             "hash of the id that picks the partition: 'crc32', 'murmur2' or 'fnv-1a'"),
    property("template", args(String), "''", "template for the message body; empty for JSON"),
};

const Method teams_methods[] = {
    property("channelURL", args(String), "''", "channel webhook; empty for the configured one"),
};

const Method service_now_methods[] = {
    property("uRL", args(String), "''", "API URL; empty for the configured one"),
    property("username", args(String), "''", "basic-auth user; empty for the configured one"),
    property("password", args(String), "''", "basic-auth password; empty for the configured one"),
    property("source", args(String), "''", "event source; empty for the configured one"),
    property("node", args(String), "''", "node name"),
    property("type", args(String), "''", "metric type"),
    property("resource", args(String), "''", "node resource the event is about"),
    property("metricName", args(String), "''", "metric the event is about"),
    property("messageKey", args(String), "''", "message key"),
    property("additionalInfo", args(String, Any), "", "extra key and value sent with the event"),
};

const Method zenoss_methods[] = {
    property("uRL", args(String), "''", "API URL; empty for the configured one"),
    property("username", args(String), "''", "basic-auth user; empty for the configured one"),
    property("password", args(String), "''", "basic-auth password; empty for the configured one"),
    property("action", args(String), "''", "router name; empty for the configured one"),
    property("method", args(String), "''", "router method; empty for the configured one"),
    property("type", args(String), "''", "event type; empty for the configured one"),
    property("tid", args(Int), "0", "temporary transaction id; 0 for the configured one"),
    property("collector", args(String), "''", "collector name; empty for the configured one"),
    property("summary", args(String), "'{{ .Message }}'", "template for the event summary"),
    property("device", args(String), "''", "device, usually a host name or address"),
    property("component", args(String), "''", "component the event is about"),
    property("eventClassKey", args(String), "''", "event class key"),
    property("eventClass", args(String), "''", "event class"),
    property("message", args(String), "''", "template for the event message"),
    property("customField", args(String, Any), "", "extra key and value sent with the event"),
};

// One line per handler: X(name, go type, methods, doc).
#define FARAD_ALERT_HANDLERS(X)                                                            \
  X(post, AlertHTTPPostHandler, post_methods, "POSTs the alert as JSON")                   \
  X(tcp, TcpHandler, tcp_methods, "sends the alert as JSON over TCP")                      \
  X(email, EmailHandler, email_methods, "emails the alert")                                \
  X(exec, ExecHandler, {}, "runs a command with the alert on its stdin")                   \
  X(log, LogHandler, log_methods, "appends the alert as JSON to a file")                   \
  X(victorOps, VictorOpsHandler, victor_ops_methods, "sends the alert to VictorOps")       \
  X(pagerDuty, PagerDutyHandler, pager_duty_methods, "sends the alert to PagerDuty v1")    \
  X(pagerDuty2, PagerDuty2Handler, pager_duty2_methods, "sends the alert to PagerDuty v2") \
  X(pushover, PushoverHandler, pushover_methods, "sends the alert to Pushover")            \
  X(sensu, SensuHandler, sensu_methods, "sends the alert to Sensu")                        \
  X(slack, SlackHandler, slack_methods, "sends the alert to Slack")                        \
  X(discord, DiscordHandler, discord_methods, "sends the alert to Discord")                \
  X(bigPanda, BigPandaHandler, big_panda_methods, "sends the alert to BigPanda")           \
  X(telegram, TelegramHandler, telegram_methods, "sends the alert to Telegram")            \
  X(hipChat, HipChatHandler, hip_chat_methods, "sends the alert to HipChat")               \
  X(alerta, AlertaHandler, alerta_methods, "sends the alert to Alerta")                    \
  X(opsGenie, OpsGenieHandler, ops_genie_methods, "sends the alert to OpsGenie v1")        \
  X(opsGenie2, OpsGenie2Handler, ops_genie2_methods, "sends the alert to OpsGenie v2")     \
  X(talk, TalkHandler, {}, "sends the alert to Talk")                                      \
  X(mqtt, MQTTHandler, mqtt_methods, "publishes the alert to MQTT")                        \
  X(snmpTrap, SNMPTrapHandler, snmp_trap_methods, "sends the alert as an SNMP trap")       \
  X(kafka, KafkaHandler, kafka_methods, "publishes the alert to Kafka")                    \
  X(teams, TeamsHandler, teams_methods, "sends the alert to Microsoft Teams")              \
  X(serviceNow, ServiceNowHandler, service_now_methods, "sends the alert to ServiceNow")   \
  X(zenoss, ZenossHandler, zenoss_methods, "sends the alert to Zenoss")

#define FARAD_ALERT_HANDLER_TYPE(handler_, go_type_, methods_, doc_) \
  {.name = "alert." #handler_,                                       \
   .desc = "",                                                       \
   .doc = doc_,                                                      \
   .is_node = false,                                                 \
   .chainable = false,                                               \
   .methods = methods_,                                              \
   .fallback = "alert",                                              \
   .go_type = "*pipeline." #go_type_},
const ObjectType types[] = {FARAD_ALERT_HANDLERS(FARAD_ALERT_HANDLER_TYPE)};
#undef FARAD_ALERT_HANDLER_TYPE
#undef FARAD_ALERT_HANDLERS

}  // namespace

std::span<const ObjectType> handler_types() {
  return types;
}

}  // namespace farad::compile::catalogue_tables
