// The application's own read / write functions as a transport (like an OpenSSL BIO).
#pragma once

#include <memory>

#include <tls/connection.hpp>

#include "api/transport.hpp"

namespace tls {

std::unique_ptr<Transport> make_callback_transport(TransportRead read, TransportWrite write);

}  // namespace tls
