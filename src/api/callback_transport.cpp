#include "api/callback_transport.hpp"

#include <exception>

namespace tls {
namespace {

class CallbackTransport final : public Transport {
 public:
  CallbackTransport(TransportRead read, TransportWrite write)
      : read_(std::move(read)), write_(std::move(write)) {}

  IoResult read(MutableByteView buffer) override {
    return guarded("read", [&] { return read_(buffer); });
  }
  IoResult write(ByteView data) override {
    return guarded("write", [&] { return write_(data); });
  }
  std::string error() const override { return error_; }

 private:
  // The application's functions must not throw through the connection; an exception is a
  // transport failure.
  template <class F>
  IoResult guarded(const char *what, F &&f) {
    try {
      IoResult result = f();
      if (result.code == IoCode::syscall || result.code == IoCode::failed) {
        error_ = std::string("transport ") + what + " failed";
        result.code = IoCode::syscall;
      }
      return result;
    } catch (const std::exception &e) {
      error_ = std::string("transport ") + what + " threw: " + e.what();
    } catch (...) {
      error_ = std::string("transport ") + what + " threw";
    }
    return {IoCode::syscall, 0};
  }

  TransportRead read_;
  TransportWrite write_;
  std::string error_;
};

}  // namespace

std::unique_ptr<Transport> make_callback_transport(TransportRead read, TransportWrite write) {
  return std::make_unique<CallbackTransport>(std::move(read), std::move(write));
}

}  // namespace tls
