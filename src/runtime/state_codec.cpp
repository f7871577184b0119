#include "runtime/state_codec.hpp"

#include <bit>

namespace farad::runtime {

void StateWriter::u64(uint64_t v) {
  while (v >= 0x80) {
    out_ += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out_ += static_cast<char>(v);
}

void StateWriter::i64(int64_t v) {
  // Zig-zag so that small negative numbers stay short.
  u64((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
}

void StateWriter::f64(double v) {
  const auto bits = std::bit_cast<uint64_t>(v);
  for (int i = 0; i < 8; ++i) out_ += static_cast<char>((bits >> (8 * i)) & 0xFF);
}

void StateWriter::string(std::string_view s) {
  u64(s.size());
  out_.append(s);
}

void StateWriter::field_value(const model::FieldValue& v) {
  u64(v.index());
  std::visit(
      [this](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, double>) f64(x);
        if constexpr (std::is_same_v<T, int64_t>) i64(x);
        if constexpr (std::is_same_v<T, uint64_t>) u64(x);
        if constexpr (std::is_same_v<T, std::string>) string(x);
        if constexpr (std::is_same_v<T, bool>) boolean(x);
      },
      v);
}

void StateWriter::tags(const model::Tags& tags) {
  u64(tags.size());
  for (const auto& [k, v] : tags) {
    string(k);
    string(v);
  }
}

void StateWriter::fields(const model::Fields& fields) {
  u64(fields.size());
  for (const auto& [k, v] : fields) {
    string(k);
    field_value(v);
  }
}

void StateWriter::point(const model::Point& p) {
  string(p.name);
  string(p.database);
  string(p.retention_policy);
  tags(p.tags);
  fields(p.fields);
  i64(p.time);
}

void StateWriter::batch_point(const model::BatchPoint& p) {
  fields(p.fields);
  tags(p.tags);
  i64(p.time);
}

uint64_t StateReader::u64() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos_ >= in_.size()) throw StateError("truncated state");
    const auto byte = static_cast<unsigned char>(in_[pos_++]);
    v |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return v;
  }
  throw StateError("malformed varint in state");
}

int64_t StateReader::i64() {
  const uint64_t z = u64();
  return static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
}

double StateReader::f64() {
  if (in_.size() - pos_ < 8) throw StateError("truncated state");
  uint64_t bits = 0;
  for (int i = 0; i < 8; ++i) {
    bits |= static_cast<uint64_t>(static_cast<unsigned char>(in_[pos_++])) << (8 * i);
  }
  return std::bit_cast<double>(bits);
}

std::string StateReader::string() {
  const uint64_t n = u64();
  if (in_.size() - pos_ < n) throw StateError("truncated state");
  std::string s(in_.substr(pos_, n));
  pos_ += n;
  return s;
}

model::FieldValue StateReader::field_value() {
  switch (u64()) {
    case 0:
      return f64();
    case 1:
      return i64();
    case 2:
      return u64();
    case 3:
      return string();
    case 4:
      return boolean();
    default:
      throw StateError("unknown field type in state");
  }
}

model::Tags StateReader::tags() {
  model::Tags out(u64());
  for (auto& [k, v] : out) {
    k = string();
    v = string();
  }
  return out;
}

model::Fields StateReader::fields() {
  model::Fields out(u64());
  for (auto& [k, v] : out) {
    k = string();
    v = field_value();
  }
  return out;
}

model::Point StateReader::point() {
  model::Point p;
  p.name = string();
  p.database = string();
  p.retention_policy = string();
  p.tags = tags();
  p.fields = fields();
  p.time = i64();
  return p;
}

model::BatchPoint StateReader::batch_point() {
  model::BatchPoint p;
  p.fields = fields();
  p.tags = tags();
  p.time = i64();
  return p;
}

}  // namespace farad::runtime
