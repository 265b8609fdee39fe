# Shortcuts; the scripts do the work.
.PHONY: demo test setup stubs
demo:
	bash scripts/demo.sh
test:
	bash scripts/test.sh
setup:
	bash scripts/setup.sh
stubs:
	python3 scripts/generate_stubs.py
