import NewsAnnotation

AnnotateCommand.main()
