{
  "targets": [
    {
      "target_name": "lab_native",
      "sources": [
        "src/addon.cc",
        "src/args.cc",
        "src/conv.cc",
        "src/cpu-features.cc",
        "src/elementwise.cc",
        "src/filter.cc",
        "src/gemm.cc",
        "src/pool.cc",
        "src/thread-pool.cc",
        "src/training.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_DEPRECATED", "NODE_ADDON_API_CPP_EXCEPTIONS", "NODE_ADDON_API_CPP_EXCEPTIONS_ALL"],
      "cflags!": ["-fno-exceptions", "-O2", "-O0"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++17", "-std=c++17", "-O2", "-O0"],
      "cflags": ["-O3", "-ffp-contract=fast", "-fno-math-errno"],
      "cflags_cc": ["-std=gnu++17", "-O3", "-ffp-contract=fast", "-fno-math-errno", "-pthread"],
      "ldflags": ["-pthread"]
    }
  ]
}
