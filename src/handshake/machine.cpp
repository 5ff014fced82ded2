#include "handshake/machine.hpp"

#include "handshake/client_machine.hpp"
#include "handshake/server_machine.hpp"

namespace tls::handshake {

std::unique_ptr<Machine> Machine::create(std::shared_ptr<const Config> config,
                                         record::RecordLayer &records, ConnectionParams params) {
  if (config->role == Role::client)
    return std::make_unique<ClientMachine>(std::move(config), records, std::move(params));
  return std::make_unique<ServerMachine>(std::move(config), records);
}

}  // namespace tls::handshake
