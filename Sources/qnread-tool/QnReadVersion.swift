enum QnReadVersion {
    static let string = "0.1.0"
    static let projectURL = "https://github.com/qnread/qnread"
}
