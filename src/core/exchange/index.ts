// Exchange formats: annotations to and from W3C Web Annotation, brat, CSV and JSON Lines; web pages in as articles.
export * from './exchange';
export * from './htmlEncoding';
export * from './articleFiles';
