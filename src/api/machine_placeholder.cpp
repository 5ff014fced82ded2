// Until the handshake machines are linked in, Machine::create gives a machine that fails at
// once with a clear reason. Weak: the real definition (src/handshake) replaces it.
#include "handshake/machine.hpp"

namespace tls::handshake {
namespace {

class UnavailableMachine final : public Machine {
 public:
  UnavailableMachine(std::shared_ptr<const Config> config, record::RecordLayer &records)
      : Machine(std::move(config), records) {}

  StepResult step() override {
    if (!error_) {
      error_ = records_.fail(
          make_error(AlertDescription::internal_error, "no handshake machine is built in"));
      state_ = State::error;
    }
    return StepResult::failed;
  }
};

}  // namespace

__attribute__((weak)) std::unique_ptr<Machine> Machine::create(std::shared_ptr<const Config> config,
                                                               record::RecordLayer &records,
                                                               ConnectionParams) {
  return std::make_unique<UnavailableMachine>(std::move(config), records);
}

}  // namespace tls::handshake
