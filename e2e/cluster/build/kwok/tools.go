//go:build tools

// Package tools pins the kwok command this module builds; its stock stage YAML is copied from the same module.
package tools

import (
	_ "sigs.k8s.io/kwok/cmd/kwok"
)
