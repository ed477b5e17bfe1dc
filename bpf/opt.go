package bpf

func optimize(entry, reject *block) (*block, error) { return entry, nil }
