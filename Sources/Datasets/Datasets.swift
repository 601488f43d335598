import CZlib
import CSTB
func _probe() { _ = zlibVersion(); _ = stbi_failure_reason() }
