// The only translation unit that includes Boost.Beast (it costs seconds to compile).
#include <utility>  // before Asio: Boost 1.74's Asio misses it with g++ 12 in C++20 mode

#include "server/listener.hpp"

#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/version.hpp>
#include <cerrno>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include <sys/resource.h>
#include <vector>

#include "server/responses.hpp"

namespace farad::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// An idle keep-alive connection or a client that stops sending is closed after this.
constexpr auto kReadTimeout = std::chrono::seconds(60);

}  // namespace

class Session;

struct Server::State : std::enable_shared_from_this<Server::State> {
  Handler handler;
  ServerOptions options;
  asio::io_context io;
  std::optional<tcp::acceptor> acceptor;
  std::vector<std::thread> threads;
  uint16_t port = 0;

  std::mutex mutex;
  std::condition_variable sessions_done;
  std::set<Session*> sessions;  // open sessions, to close the idle ones on stop
  bool stopping = false;

  State(Handler h, ServerOptions o) : handler(std::move(h)), options(std::move(o)) {}
  void accept();
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, std::shared_ptr<Server::State> state)
      : stream_(std::move(socket)), state_(std::move(state)) {}

  ~Session() {
    std::lock_guard lock(state_->mutex);
    state_->sessions.erase(this);
    state_->sessions_done.notify_all();
  }

  void start() {
    {
      std::lock_guard lock(state_->mutex);
      if (state_->stopping) return;
      state_->sessions.insert(this);
    }
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

  /// On stop: close now when idle; otherwise after the response being prepared is written.
  void stop() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      self->stopping_ = true;
      if (!self->busy_) self->close();
    });
  }

 private:
  void read_header() {
    busy_ = false;
    if (stopping_) return close();
    parser_.emplace();
    // No limit while the header is read (Beast would fail the read on a large Content-Length
    // before the header is complete); on_header answers 413 itself and then sets the limit,
    // which catches chunked bodies that grow past it.
    // (Not boost::none: Boost 1.74 compares the length with the optional, and every length
    // is greater than none.)
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(kReadTimeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (ec) return close();
    busy_ = true;
    auto& header = parser_->get();
    const uint64_t limit = state_->options.max_body_size;
    if (limit != 0 && parser_->content_length() && *parser_->content_length() > limit) {
      // The body is not read: the connection cannot be reused, so it is closed after the answer.
      Response response = v1_error(413, "Request Entity Too Large");
      return write(to_request_without_body().method, std::move(response), false);
    }
    if (limit != 0) parser_->body_limit(limit);
    if (beast::iequals(header[http::field::expect], "100-continue")) {
      auto interim = std::make_shared<http::response<http::empty_body>>(http::status::continue_,
                                                                        header.version());
      return http::async_write(
          stream_, *interim,
          [self = shared_from_this(), interim](beast::error_code e, std::size_t) {
            if (e) return self->close();
            self->read_body();
          });
    }
    read_body();
  }

  void read_body() {
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
  }

  void on_body(beast::error_code ec) {
    if (ec == http::error::body_limit) {
      return write(to_request_without_body().method, v1_error(413, "Request Entity Too Large"),
                   false);
    }
    if (ec) return close();
    Request request = to_request_without_body();  // before release() empties the parser
    auto message = parser_->release();
    request.body = std::move(message.body());
    const bool keep_alive = message.keep_alive();
    std::string method = request.method;  // the handler may take the request apart
    Response response;
    try {
      response = state_->handler(std::move(request));
    } catch (const std::exception& e) {
      response = v1_error(500, e.what());
    }
    write(method, std::move(response), keep_alive);
  }

  Request to_request_without_body() {
    const auto& header = parser_->get();
    Request request;
    request.method = std::string(header.method_string().data(), header.method_string().size());
    const auto target = header.target();
    set_target(request, std::string_view(target.data(), target.size()));
    for (const auto& field : header) {
      request.headers.emplace_back(
          std::string(field.name_string().data(), field.name_string().size()),
          std::string(field.value().data(), field.value().size()));
    }
    version_ = header.version();
    return request;
  }

  void write(std::string_view method, Response response, bool keep_alive) {
    auto message = std::make_shared<http::response<http::string_body>>();
    message->version(version_);
    message->result(response.status);
    message->set(http::field::server, "farad");
    for (auto& [name, value] : response.headers) message->insert(name, value);
    const bool head = method == "HEAD";
    message->body() = std::move(response.body);
    message->prepare_payload();
    if (head) message->body().clear();
    message->keep_alive(keep_alive && !stopping_);
    stream_.expires_never();
    http::async_write(stream_, *message,
                      [self = shared_from_this(), message](beast::error_code ec, std::size_t) {
                        if (ec) return self->close();
                        if (!message->keep_alive()) return self->drain_and_close();
                        self->read_header();
                      });
  }

  // Closing a socket with unread bytes (the body of a refused request) makes the kernel send
  // a reset, which can destroy the answer before the client reads it: stop sending, read and
  // discard what the client still sends for a moment, then close.
  void drain_and_close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
    drain();
  }

  void drain() {
    stream_.async_read_some(asio::buffer(discard_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->close();
                              self->drain();
                            });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  std::shared_ptr<Server::State> state_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::array<char, 16 * 1024> discard_;
  unsigned version_ = 11;
  bool busy_ = false;
  bool stopping_ = false;
};

void Server::State::accept() {
  acceptor->async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor->is_open()) return;
    if (!ec) {
      // The session keeps the state alive through its own shared_ptr; the Server owns it too.
      std::make_shared<Session>(std::move(socket), shared_from_this())->start();
    }
    accept();
  });
}

Server::Server(Handler handler, ServerOptions options)
    : state_(std::make_shared<State>(std::move(handler), std::move(options))) {}

Server::~Server() {
  stop();
}

void Server::start(const std::string& address) {
  const std::size_t colon = address.rfind(':');
  if (colon == std::string::npos)
    throw std::runtime_error("invalid bind address \"" + address + "\": expected host:port");
  std::string host = address.substr(0, colon);
  const std::string port = address.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host.empty()) host = "0.0.0.0";
  beast::error_code ec;
  tcp::resolver resolver(state_->io);
  const auto endpoints = resolver.resolve(host, port, tcp::resolver::passive, ec);
  if (ec || endpoints.empty())
    throw std::runtime_error("cannot resolve \"" + address + "\": " + ec.message());
  const tcp::endpoint endpoint = endpoints.begin()->endpoint();
  auto& acceptor = state_->acceptor.emplace(state_->io);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    state_->acceptor.reset();
    throw std::runtime_error("cannot listen on " + address + ": " + ec.message());
  }
  state_->port = acceptor.local_endpoint().port();
  state_->accept();
  const unsigned threads = std::max(1U, state_->options.io_threads);
  for (unsigned i = 0; i < threads; ++i) {
    state_->threads.emplace_back([state = state_] {
      // On Linux the nice value is a per-thread attribute: this lowers this thread alone. A
      // failure (a restricted environment) leaves the thread as it was.
      if (state->options.io_thread_nice != 0) {
        errno = 0;
        const int nice = ::getpriority(PRIO_PROCESS, 0);
        if (errno == 0) ::setpriority(PRIO_PROCESS, 0, nice + state->options.io_thread_nice);
      }
      state->io.run();
    });
  }
}

void Server::stop(std::chrono::milliseconds grace) {
  if (state_->threads.empty()) return;
  asio::post(state_->io, [state = state_] {
    beast::error_code ignored;
    if (state->acceptor) state->acceptor->close(ignored);
  });
  std::vector<std::shared_ptr<Session>> open;
  {
    std::lock_guard lock(state_->mutex);
    state_->stopping = true;
    // A session whose destructor is waiting for the lock is already gone: lock() gives null.
    for (Session* session : state_->sessions) {
      if (auto alive = session->weak_from_this().lock()) open.push_back(std::move(alive));
    }
  }
  for (const auto& session : open) session->stop();
  open.clear();  // outside the lock: this may run a session's destructor
  {
    std::unique_lock lock(state_->mutex);
    state_->sessions_done.wait_for(lock, grace, [&] { return state_->sessions.empty(); });
  }
  state_->io.stop();
  for (auto& thread : state_->threads) thread.join();
  state_->threads.clear();
}

uint16_t Server::port() const {
  return state_->port;
}

}  // namespace farad::server
