import ArgumentTables
import Localization
import Testing
