"""`python -m pubtool`: the same command as `pubtool`, for environments without the script."""

from pubtool.cli import main

if __name__ == "__main__":
    main()
