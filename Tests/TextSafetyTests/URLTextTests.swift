import Testing
import TextSafety

// A feed behind HTTP basic authentication carries its password in its URL; reports print the URL.
@Test("A printable URL hides its password and keeps the rest; a URL without one is kept as it is",
      arguments: [
          ("https://moi:secret@flux.exemple.qc.ca/feed.xml", "https://moi:***@flux.exemple.qc.ca/feed.xml"),
          ("http://moi:p@ss:w@rd@hôte:8080/?q=a@b", "http://moi:***@hôte:8080/?q=a@b"),
          ("https://moi@flux.exemple.qc.ca/", "https://moi@flux.exemple.qc.ca/"),
          ("https://flux.exemple.qc.ca/a:b@c", "https://flux.exemple.qc.ca/a:b@c"),
          ("mailto:moi@exemple.qc.ca", "mailto:moi@exemple.qc.ca"),
          ("/home/moi/flux.xml", "/home/moi/flux.xml"),
          ("https://moi:secret@hôte/\u{1B}[2J", "https://moi:***@hôte/[2J"),
      ])
func hidesPasswords(url: String, printed: String) {
    #expect(URLText.printable(url) == printed)
}
