from unlib.cli.main import main

main()
