#pragma once
// A loopback HTTP server for the sink tests: answers each request (one per connection) with the
// next status of its script (the last one repeats) and keeps every request it received.

#include <atomic>
#include <boost/asio.hpp>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace farad::test {

class ScriptedHttpServer {
 public:
  explicit ScriptedHttpServer(std::vector<int> statuses, std::string error_body = {})
      : acceptor_(io_, boost::asio::ip::tcp::endpoint(boost::asio::ip::address_v4::loopback(), 0)),
        statuses_(std::move(statuses)),
        error_body_(std::move(error_body)) {
    thread_ = std::thread([this] { serve(); });
  }
  ~ScriptedHttpServer() {
    // A blocked accept() does not return when another thread closes the acceptor: connect.
    stopping_ = true;
    boost::system::error_code ignored;
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket wake(io);
    wake.connect(acceptor_.local_endpoint(), ignored);
    thread_.join();
  }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port());
  }
  std::vector<std::string> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  void serve() {
    namespace asio = boost::asio;
    for (size_t served = 0;; ++served) {
      boost::system::error_code error;
      asio::ip::tcp::socket socket(io_);
      acceptor_.accept(socket, error);
      if (error || stopping_) return;
      std::string request;
      asio::read_until(socket, asio::dynamic_buffer(request), "\r\n\r\n", error);
      const size_t head_end = request.find("\r\n\r\n") + 4;
      size_t length = 0;
      if (auto at = request.find("Content-Length: "); at != std::string::npos) {
        length = std::stoul(request.substr(at + 16));
      }
      if (request.size() < head_end + length) {
        std::string rest(head_end + length - request.size(), '\0');
        asio::read(socket, asio::buffer(rest), error);
        request += rest;
      }
      {
        std::lock_guard lock(mutex_);
        requests_.push_back(request);
      }
      const int status = statuses_[std::min(served, statuses_.size() - 1)];
      const std::string body = status >= 300 ? error_body_ : "";
      const std::string reply = "HTTP/1.1 " + std::to_string(status) +
                                " Scripted\r\nContent-Length: " + std::to_string(body.size()) +
                                "\r\nConnection: close\r\n\r\n" + body;
      asio::write(socket, asio::buffer(reply), error);
      socket.shutdown(asio::ip::tcp::socket::shutdown_both, error);
    }
  }

  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::vector<int> statuses_;
  std::string error_body_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<std::string> requests_;
  std::thread thread_;
};

}  // namespace farad::test
