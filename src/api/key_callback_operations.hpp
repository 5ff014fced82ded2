// PrivateKeyOperations that hand every sign / decrypt to the application's PrivateKeyCallback
// (a key in an HSM, an enclave, a remote signer).
#pragma once

#include <memory>

#include <tls/private_key_callback.hpp>

#include "cipher/provider.hpp"

namespace tls {

std::shared_ptr<cipher::PrivateKeyOperations> make_key_callback_operations(
    cipher::PublicKey public_key, PrivateKeyCallback callback);

}  // namespace tls
