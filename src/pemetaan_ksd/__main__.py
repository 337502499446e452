"""`python -m pemetaan_ksd`."""

from pemetaan_ksd.cli.app import main

if __name__ == "__main__":
    main()
