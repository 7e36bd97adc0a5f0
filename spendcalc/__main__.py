from spendcalc.cli import main

raise SystemExit(main())
