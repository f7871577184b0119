// Nodes that send data out of the task: HTTP, InfluxDB, Elasticsearch, files, the loopback and
// the autoscalers.
// Kapacitor: pipeline/http_out.go, http_post.go, influxdb_out.go, kapacitor_loopback.go,
// k8s_autoscale.go, swarm_autoscale.go, ec2_autoscale.go.

#include "compile/catalogue_tables.hpp"

namespace farad::compile::catalogue_tables {
namespace {

using enum ArgType;

const Method http_post_methods[] = {
    property("endpoint", args(String), "", "configured endpoint to post to, instead of a URL"),
    property("header", args(String, String), "", "HTTP header to send with every request"),
    property("codeField", args(String), "''", "field to store the response status code in"),
    flag("captureResponse", "log the response body when the status is not 2xx"),
    property("timeout", args(Duration), "0s", "request timeout; 0s waits forever"),
};

const Method influxdb_out_methods[] = {
    property("cluster", args(String), "''", "configured InfluxDB cluster to write to"),
    property("database", args(String), "''", "database to write to"),
    property("retentionPolicy", args(String), "''", "retention policy to write to"),
    property("measurement", args(String), "''", "measurement name; defaults to the data's own"),
    property("writeConsistency", args(String), "''", "write consistency of the requests"),
    property("precision", args(String), "''", "timestamp precision of the written points"),
    property("buffer", args(Int), "1000", "points to buffer before a write"),
    property("flushInterval", args(Duration), "10s", "write at least this often"),
    property("tag", args(String, String), "", "static tag added to every point"),
    flag("create", "create the database and retention policy if they do not exist"),
};

// farad's own: Elasticsearch has no Kapacitor node (the design follows Telegraf's output).
const Method es_methods[] = {
    property("cluster", args(String), "''",
             "configured Elasticsearch cluster ([[elasticsearch]] name); empty: the default one"),
    property("index", args(String), "'farad-%Y.%m.%d'",
             "index name; %Y %y %m %d %H %V are taken from the point's time in UTC"),
    property("measurement", args(String), "''", "measurement name; defaults to the data's own"),
    property("action", args(String), "'index'",
             "bulk action: 'index' (overwrite by _id) or 'create' (data streams)"),
    property("batchSize", args(Int), "1000", "documents per _bulk request"),
    property("flushInterval", args(Duration), "10s", "send a partial batch after this long"),
    property("tag", args(String, String), "", "static tag added to every document"),
    property("timestampField", args(String), "'@timestamp'", "document member holding the time"),
    property("timestampFormat", args(String), "'rfc3339'",
             "'rfc3339' (UTC, nanoseconds trimmed) or 'epoch_millis'"),
    property("measurementField", args(String), "'measurement'",
             "document member holding the measurement; '' leaves it out"),
    property("tagsField", args(String), "''", "object holding the tags; '' puts them at the top"),
    property("fieldsField", args(String), "''",
             "object holding the fields; '' puts them at the top"),
    property("template", args(String), "''",
             "composable index template to install first (strings keyword, numbers double)"),
};

// farad's own: the embedded sink. The path is the chain method's argument.
const Method file_out_methods[] = {
    property("format", args(String), "'lp'",
             "'lp' (line protocol, ns timestamps) or 'json' (one JSON object per line)"),
    property("measurement", args(String), "''", "measurement name; defaults to the data's own"),
    property("tag", args(String, String), "", "static tag added to every point"),
};

const Method kapacitor_loopback_methods[] = {
    property("database", args(String), "''", "database the points are written as (required)"),
    property("retentionPolicy", args(String), "''",
             "retention policy the points are written as (required)"),
    property("measurement", args(String), "''", "measurement name; defaults to the data's own"),
    property("tag", args(String, String), "", "static tag added to every point"),
};

// `min` and `max` here are Int properties; `|min('f')` and `|max('f')` stay chain methods.
const Method k8s_autoscale_methods[] = {
    property("cluster", args(String), "''", "configured Kubernetes cluster"),
    property("namespace", args(String), "''", "namespace of the resource; empty for the default"),
    property("kind", args(String), "'deployments'",
             "'deployments', 'replicasets' or 'replicationcontrollers'"),
    property("resourceName", args(String), "''", "resource to scale; excludes resourceNameTag"),
    property("resourceNameTag", args(String), "''", "tag naming the resource to scale"),
    property("currentField", args(String), "''", "field to store the current replica count in"),
    property("max", args(Int), "0", "largest replica count; 0 means no limit"),
    property("min", args(Int), "1", "smallest replica count"),
    property("replicas", args(Lambda), "", "lambda giving the wanted replica count (required)"),
    property("increaseCooldown", args(Duration), "0s", "least time between two increases"),
    property("decreaseCooldown", args(Duration), "0s", "least time between two decreases"),
    property("namespaceTag", args(String), "'namespace'", "output tag for the namespace"),
    property("kindTag", args(String), "'kind'", "output tag for the kind"),
    property("resourceTag", args(String), "'resource'", "output tag for the resource name"),
};

const Method swarm_autoscale_methods[] = {
    property("cluster", args(String), "''", "configured Docker Swarm cluster"),
    property("serviceName", args(String), "''", "service to scale; excludes serviceNameTag"),
    property("serviceNameTag", args(String), "''", "tag naming the service to scale"),
    property("outputServiceNameTag", args(String), "''",
             "output tag for the service name; defaults to serviceNameTag"),
    property("currentField", args(String), "''", "field to store the current replica count in"),
    property("max", args(Int), "0", "largest replica count; 0 means no limit"),
    property("min", args(Int), "1", "smallest replica count"),
    property("replicas", args(Lambda), "", "lambda giving the wanted replica count (required)"),
    property("increaseCooldown", args(Duration), "0s", "least time between two increases"),
    property("decreaseCooldown", args(Duration), "0s", "least time between two decreases"),
};

const Method ec2_autoscale_methods[] = {
    property("cluster", args(String), "''", "configured AWS autoscaling cluster"),
    property("groupName", args(String), "''", "autoscaling group to scale; excludes groupNameTag"),
    property("groupNameTag", args(String), "''", "tag naming the group to scale"),
    property("outputGroupNameTag", args(String), "''",
             "output tag for the group name; defaults to groupNameTag"),
    property("currentField", args(String), "''", "field to store the current capacity in"),
    property("max", args(Int), "0", "largest capacity; 0 means no limit"),
    property("min", args(Int), "1", "smallest capacity"),
    property("replicas", args(Lambda), "", "lambda giving the wanted capacity (required)"),
    property("increaseCooldown", args(Duration), "0s", "least time between two increases"),
    property("decreaseCooldown", args(Duration), "0s", "least time between two decreases"),
};

const ObjectType types[] = {
    {.name = "httpOut",
     .desc = "http_out",
     .doc = "serves the latest data of each group as JSON and passes it on",
     .methods = {},
     .go_type = "*pipeline.HTTPOutNode"},
    {.name = "httpPost",
     .desc = "http_post",
     .doc = "POSTs every point or batch as JSON and passes it on",
     .methods = http_post_methods,
     .go_type = "*pipeline.HTTPPostNode"},
    // The two write-back nodes embed `node`, not `chainnode`: nothing can follow them.
    {.name = "influxDBOut",
     .desc = "influxdb_out",
     .doc = "writes the data to InfluxDB",
     .provides = Provides::None,
     .chainable = false,
     .methods = influxdb_out_methods,
     .go_type = "*pipeline.InfluxDBOutNode"},
    {.name = "es",
     .desc = "es",
     .doc = "writes the data to Elasticsearch as documents with deterministic ids",
     .provides = Provides::None,
     .chainable = false,
     .methods = es_methods,
     .go_type = "*farad.ESNode"},
    {.name = "fileOut",
     .desc = "file_out",
     .doc = "appends the data to a file; the checkpoint holds its length, so each point is in it "
            "exactly once after a crash",
     .provides = Provides::None,
     .chainable = false,
     .methods = file_out_methods,
     .go_type = "*farad.FileOutNode"},
    {.name = "kapacitorLoopback",
     .desc = "kapacitor_loopback",
     .doc = "writes the data back into this server's own stream",
     .provides = Provides::None,
     .chainable = false,
     .methods = kapacitor_loopback_methods,
     .go_type = "*pipeline.KapacitorLoopbackNode"},
    {.name = "k8sAutoscale",
     .desc = "k8s_autoscale",
     .doc = "scales a Kubernetes resource and emits the scaling events",
     .provides = Provides::Stream,
     .methods = k8s_autoscale_methods,
     .go_type = "*pipeline.K8sAutoscaleNode"},
    {.name = "swarmAutoscale",
     .desc = "swarm_autoscale",
     .doc = "scales a Docker Swarm service and emits the scaling events",
     .provides = Provides::Stream,
     .methods = swarm_autoscale_methods,
     .go_type = "*pipeline.SwarmAutoscaleNode"},
    {.name = "ec2Autoscale",
     .desc = "ec2_autoscale",
     .doc = "scales an AWS EC2 autoscaling group and emits the scaling events",
     .provides = Provides::Stream,
     .methods = ec2_autoscale_methods,
     .go_type = "*pipeline.Ec2AutoscaleNode"},
};

}  // namespace

std::span<const ObjectType> output_types() {
  return types;
}

}  // namespace farad::compile::catalogue_tables
