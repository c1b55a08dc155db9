// Command etcd is upstream etcd's own entry point (go.etcd.io/etcd/v3's main.go is exactly this call),
// built from the go.etcd.io/etcd/server/v3 module so that no replace directives are needed.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
